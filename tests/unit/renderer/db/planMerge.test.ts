/**
 * Transition plans moving between two laptops by portfolio file: a plan made from the template
 * on one laptop, edited on the other, merged back field by field, and deleted with its tasks on
 * both after an exchange.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { updateTaskCommand } from '../../../../shared/schedule/commands';
import { planTables } from '../../../../shared/sync/snapshot';
import { applyPlanCommand, createPlanFromTemplate, deletePlan, loadPlan } from '../../../../renderer/src/db/plans';
import { useLaptops } from './laptops';

const portfolio = { id: uuidv7(), name: 'Transitions 2026' };
const { laptop, exchange } = useLaptops(portfolio, 'steerwise-plan-merge-');

const startMs = Date.UTC(2026, 2, 2, 9, 0, 0);
const minute = 60_000;

describe('plans exchanged by file', () => {
  it('arrive whole on the other laptop', async () => {
    const lead = await laptop('lead000000001', startMs);
    const deputy = await laptop('deputy0000001', startMs + minute);
    const plan = await createPlanFromTemplate(
      lead.db,
      { providerId: null, title: 'Payroll transition', startOn: '2026-03-02' },
      lead.context,
    );

    const result = await exchange(lead, deputy, 'lead.steerwise');

    expect(result.preview.tables.plans.added).toBe(1);
    expect(await loadPlan(deputy.db, plan.id)).toEqual(await loadPlan(lead.db, plan.id));
  });

  it('merge task edits of both laptops field by field', async () => {
    const lead = await laptop('lead000000001', startMs);
    const deputy = await laptop('deputy0000001', startMs);
    const plan = await createPlanFromTemplate(
      lead.db,
      { providerId: null, title: 'Payroll transition', startOn: '2026-03-02' },
      lead.context,
    );
    await exchange(lead, deputy, 'first.steerwise');
    const records = await loadPlan(lead.db, plan.id);
    const task = records?.tasks.find((entry) => entry.name === 'Business case');
    if (task === undefined) throw new Error('template without a business case task');

    lead.wall.set(startMs + 5 * minute);
    await applyPlanCommand(lead.db, plan.id, updateTaskCommand(task, { progress: 50 }), lead.context);
    deputy.wall.set(startMs + 6 * minute);
    await applyPlanCommand(deputy.db, plan.id, updateTaskCommand(task, { owner: 'Ann Okafor' }), deputy.context);
    const result = await exchange(deputy, lead, 'deputy.steerwise');

    expect(result.preview.conflicts).toEqual([]);
    expect(await lead.db.planTasks.get(task.id)).toMatchObject({ progress: 50, owner: 'Ann Okafor' });
  });

  it('delete the plan and its tasks on both laptops', async () => {
    const lead = await laptop('lead000000001', startMs);
    const deputy = await laptop('deputy0000001', startMs);
    const plan = await createPlanFromTemplate(
      lead.db,
      { providerId: null, title: 'Payroll transition', startOn: '2026-03-02' },
      lead.context,
    );
    await exchange(lead, deputy, 'first.steerwise');

    lead.wall.set(startMs + 5 * minute);
    await deletePlan(lead.db, plan.id, lead.context);
    await exchange(lead, deputy, 'deleted.steerwise');

    expect(await loadPlan(deputy.db, plan.id)).toBeNull();
    for (const table of planTables.filter((name) => name !== 'planCalendars')) {
      expect(await deputy.db.recordTable(table).count(), table).toBe(0);
    }
    expect(await deputy.db.planCalendars.count()).toBe(1);
  });
});
