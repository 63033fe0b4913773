import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../../shared/domain/providerProfile';
import { computeWorkload, defaultWorkloadThresholds, ownerKey, type WorkloadInput } from '../../../../shared/governance/workload';
import { makeAction, makeEscalation, makeRisk } from './factories';

const today = '2024-04-10';

function input(data: Partial<WorkloadInput>): WorkloadInput {
  return { actionItems: [], escalations: [], risks: [], today, ...data };
}

function contact(id: string, name: string, side: Contact['side'], role: Contact['role'], providerId = 'p1') {
  return { id, providerId, side, role, name };
}

describe('ownerKey', () => {
  it('trims, collapses spaces and ignores case', () => {
    expect(ownerKey('  Ann   LEE ')).toBe('ann lee');
    expect(ownerKey('\tAnn\u00a0Lee')).toBe('ann lee');
    expect(ownerKey('   ')).toBe('');
  });
});

describe('computeWorkload', () => {
  it('groups spellings and shows the most common one', () => {
    const rows = computeWorkload(
      input({
        actionItems: [
          makeAction('a1', { owner: 'Ann Lee' }),
          makeAction('a2', { owner: ' ann lee' }),
          makeAction('a3', { owner: 'ann lee' }),
        ],
        escalations: [makeEscalation('e1', { owner: 'ANN  LEE', dueDate: '2024-05-01' })],
      }),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ key: 'ann lee', displayName: 'ann lee', openActionIds: ['a1', 'a2', 'a3'], openEscalationIds: ['e1'] });
  });

  it('breaks a spelling tie by code units', () => {
    const rows = computeWorkload(
      input({ actionItems: [makeAction('a1', { owner: 'raj patel' }), makeAction('a2', { owner: 'Raj Patel' })] }),
    );
    expect(rows[0]?.displayName).toBe('Raj Patel');
  });

  it('counts overdue from the day after the due date', () => {
    const rows = computeWorkload(
      input({
        actionItems: [
          makeAction('aDueToday', { owner: 'Ann', dueDate: today }),
          makeAction('aLate', { owner: 'Ann', dueDate: '2024-04-09' }),
          makeAction('aNoDate', { owner: 'Ann', dueDate: null }),
          makeAction('aDone', { owner: 'Ann', dueDate: '2024-01-01', status: 'done', completedOn: '2024-01-02' }),
        ],
        escalations: [
          makeEscalation('eLate', { owner: 'Ann', dueDate: '2024-04-01' }),
          makeEscalation('eToday', { owner: 'Ann', dueDate: today }),
          makeEscalation('eClosed', { owner: 'Ann', dueDate: '2024-01-01', status: 'closed' }),
        ],
        risks: [
          makeRisk('rDueToday', { owner: 'Ann', reviewDate: today }),
          makeRisk('rLate', { owner: 'Ann', reviewDate: '2024-03-31' }),
          makeRisk('rLater', { owner: 'Ann', reviewDate: '2024-05-01' }),
          makeRisk('rClosed', { owner: 'Ann', reviewDate: '2024-03-31', status: 'closed' }),
        ],
      }),
    );

    expect(rows).toHaveLength(1);
    const ann = rows[0];
    expect(ann?.openActionIds).toEqual(['aLate', 'aDueToday', 'aNoDate']);
    expect(ann?.overdueActions).toBe(1);
    expect(ann?.openEscalationIds).toEqual(['eLate', 'eToday']);
    expect(ann?.overdueEscalations).toBe(1);

    expect(ann?.openRisks).toBe(3);
    expect(ann?.reviewDueRiskIds).toEqual(['rLate', 'rDueToday']);
    expect(ann?.overdueReviews).toBe(1);

    expect(ann?.openItems).toBe(7);
    expect(ann?.overdue).toBe(3);
    expect(ann?.overloaded).toBe(true);
  });

  it('flags more than 8 open items', () => {
    const actions = (owner: string, count: number) =>
      Array.from({ length: count }, (_, index) => makeAction(`${owner}-${String(index)}`, { owner, dueDate: '2024-06-01' }));
    const rows = computeWorkload(input({ actionItems: [...actions('Nine', 9), ...actions('Eight', 8)] }));
    expect(rows.map((row) => [row.displayName, row.openItems, row.overloaded])).toEqual([
      ['Nine', 9, true],
      ['Eight', 8, false],
    ]);
  });

  it('flags more than 2 overdue items', () => {
    const late = (owner: string, count: number) =>
      Array.from({ length: count }, (_, index) => makeAction(`${owner}-${String(index)}`, { owner, dueDate: '2024-04-01' }));
    const rows = computeWorkload(input({ actionItems: [...late('Two', 2), ...late('Three', 3)] }));
    expect(rows.map((row) => [row.displayName, row.overdue, row.overloaded])).toEqual([
      ['Three', 3, true],
      ['Two', 2, false],
    ]);
  });

  it('takes other thresholds', () => {
    const rows = computeWorkload(input({ actionItems: [makeAction('a1', { owner: 'Ann' }), makeAction('a2', { owner: 'Ann' })] }), {
      maxOpenItems: 1,
      maxOverdue: defaultWorkloadThresholds.maxOverdue,
    });
    expect(rows[0]?.overloaded).toBe(true);
  });

  it('puts empty owners in one unassigned row, last', () => {
    const many = Array.from({ length: 12 }, (_, index) =>
      makeAction(`u${String(index)}`, { owner: index % 2 === 0 ? '' : '   ', dueDate: '2024-01-01' }),
    );
    const rows = computeWorkload(
      input({ actionItems: [...many, makeAction('a1', { owner: 'Ann' })], escalations: [makeEscalation('e1', { owner: '' })] }),
    );
    expect(rows.map((row) => row.key)).toEqual(['ann', '']);
    const unassigned = rows[1];
    expect(unassigned).toMatchObject({ unassigned: true, displayName: '', overloaded: false, contacts: [] });
    expect(unassigned?.openActionIds).toHaveLength(12);
    expect(unassigned?.openEscalationIds).toEqual(['e1']);
  });

  it('shows the side and role of matching contacts', () => {
    const contacts = [
      contact('c1', 'Priya Shah', 'provider', 'deliveryManager'),
      contact('c2', ' priya  shah', 'provider', 'accountManager', 'p2'),
      contact('c3', 'Ann Lee', 'client', 'programmeManager'),
      contact('c4', '', 'client', 'other'),
    ];
    const rows = computeWorkload(
      input({
        actionItems: [makeAction('a1', { owner: 'Priya Shah' }), makeAction('a2', { owner: 'Tom' }), makeAction('a3', { owner: '' })],
        contacts,
      }),
    );
    const byKey = new Map(rows.map((row) => [row.key, row]));
    expect(byKey.get('priya shah')?.contacts).toEqual([
      { id: 'c1', providerId: 'p1', side: 'provider', role: 'deliveryManager' },
      { id: 'c2', providerId: 'p2', side: 'provider', role: 'accountManager' },
    ]);
    expect(byKey.get('tom')?.contacts).toEqual([]);
    expect(byKey.get('')?.contacts).toEqual([]);
    expect(byKey.has('ann lee')).toBe(false);
  });

  it('lists an owner with only open risks', () => {
    const rows = computeWorkload(input({ risks: [makeRisk('r1', { owner: 'Ann', reviewDate: null })] }));
    expect(rows).toEqual([expect.objectContaining({ displayName: 'Ann', openRisks: 1, openItems: 0, overloaded: false })]);
  });

  it('returns no rows without open work', () => {
    const rows = computeWorkload(
      input({
        actionItems: [makeAction('a1', { owner: 'Ann', status: 'done', completedOn: '2024-01-01' })],
        escalations: [makeEscalation('e1', { owner: 'Ann', status: 'closed' })],
        risks: [makeRisk('r1', { owner: 'Ann', status: 'closed' })],
      }),
    );
    expect(rows).toEqual([]);
  });
});
