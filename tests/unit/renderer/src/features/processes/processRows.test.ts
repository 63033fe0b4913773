import { describe, expect, it } from 'vitest';
import type { Process } from '../../../../../../shared/domain/providerProfile';
import {
  boardColumns,
  filterProcesses,
  groupByFunction,
  neighbourStage,
} from '../../../../../../renderer/src/features/processes/processRows';

function process(id: string, name: string, fields: Partial<Process> = {}): Process {
  return {
    id,
    clock: '',
    fieldClocks: {},
    name,
    function: 'hr',
    providerId: 'provider-a',
    contractId: null,
    readiness: 'notStarted',
    ...fields,
  };
}

const processes: readonly Process[] = [
  process('3', 'Payroll', { function: 'hr' }),
  process('1', 'accounts payable', { function: 'financeAccounting', readiness: 'pilotPassed' }),
  process('2', 'Service desk', { function: 'it', providerId: 'provider-b' }),
  process('4', 'Invoice scanning', { function: 'financeAccounting', providerId: null, readiness: 'migrated' }),
];

describe('processRows', () => {
  it('filter sorts by name ignoring case', () => {
    const names = filterProcesses(processes, { providerId: null, function: null }, 'en').map((row) => row.name);
    expect(names).toEqual(['accounts payable', 'Invoice scanning', 'Payroll', 'Service desk']);
  });

  it('filter by provider, none and function', () => {
    expect(filterProcesses(processes, { providerId: 'provider-b', function: null }, 'en').map((row) => row.id)).toEqual(['2']);
    expect(filterProcesses(processes, { providerId: 'none', function: null }, 'en').map((row) => row.id)).toEqual(['4']);
    expect(filterProcesses(processes, { providerId: 'provider-a', function: 'financeAccounting' }, 'en').map((row) => row.id)).toEqual([
      '1',
    ]);
  });

  it('groups by function in list order', () => {
    const groups = groupByFunction(filterProcesses(processes, { providerId: null, function: null }, 'en'));
    expect(groups.map((group) => group.function)).toEqual(['hr', 'financeAccounting', 'it']);
    expect(groups[1]?.processes.map((row) => row.name)).toEqual(['accounts payable', 'Invoice scanning']);
  });

  it('board has every stage with counts', () => {
    const columns = boardColumns(processes);
    expect(columns.map((column) => column.stage)).toEqual([
      'notStarted',
      'asIsMapped',
      'proceduresDocumented',
      'knowledgeTransferDone',
      'pilotPassed',
      'migrated',
    ]);
    expect(columns.map((column) => column.processes.length)).toEqual([2, 0, 0, 0, 1, 1]);
  });

  it('neighbour stage stops at both ends', () => {
    expect(neighbourStage('notStarted', -1)).toBeNull();
    expect(neighbourStage('notStarted', 1)).toBe('asIsMapped');
    expect(neighbourStage('pilotPassed', 1)).toBe('migrated');
    expect(neighbourStage('migrated', 1)).toBeNull();
  });
});
