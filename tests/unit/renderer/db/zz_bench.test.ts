import 'fake-indexeddb/auto';
import { it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { applyImportPlan } from '../../../../renderer/src/db/importMeasurements';
import { makePlan, months, openTestDb, testContext } from './factories';
import type { KpiDefinitionData } from '../../../../shared/domain/types';

const N_PROVIDERS = Number(process.env.NP ?? 25);
it('bench', async () => {
  const kpis: KpiDefinitionData[] = Array.from({ length: 8 }, (_, i) => ({ key: `k${i}`, name: `K${i}`, description: '', unit: 'percent', direction: 'higherIsBetter', kind: 'ratio', aggregation: 'ratioOfSums' }));
  const providers = Array.from({ length: N_PROVIDERS }, (_, i) => ({ code: `C${i}`, name: `Provider ${i}` }));
  const plan = makePlan({ providers, periods: months(100), kpis, serviceLevels: [] });
  const n = plan.measurements.length;

  const raw = await openTestDb();
  const records = plan.measurements.map((m) => ({ id: uuidv7(), clock: '000000000001-0000-dev', fieldClocks: {}, providerId: m.providerCode!, kpiId: m.kpiKey, period: m.period, value: m.value, numerator: m.numerator, denominator: m.denominator, sourceFile: 'x.csv' }));
  let t = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = raw.backendDB().transaction('measurements', 'readwrite');
    const store = tx.objectStore('measurements');
    for (const r of records) store.put(r);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const rawMs = performance.now() - t;

  const db = await openTestDb();
  t = performance.now();
  await applyImportPlan(db, plan, testContext());
  const importMs = performance.now() - t;
  t = performance.now();
  await applyImportPlan(db, plan, testContext());
  const secondMs = performance.now() - t;
  process.stdout.write(`n=${n} raw=${rawMs.toFixed(0)}ms (${(n / rawMs * 1000).toFixed(0)}/s) import=${importMs.toFixed(0)}ms (${(n / importMs * 1000).toFixed(0)}/s) ratio=${(rawMs / importMs).toFixed(2)} second=${secondMs.toFixed(0)}ms\n`);
}, 600_000);
