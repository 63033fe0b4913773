import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const probe = resolve(import.meta.dirname, 'timeZoneProbe.ts');
const tsx = resolve(import.meta.dirname, '../../../../node_modules/.bin/tsx');

interface ProbeOutput {
  readonly offsets: readonly number[];
  readonly dates: readonly unknown[];
}

function runProbe(timeZone: string): ProbeOutput {
  const output = execFileSync(tsx, [probe], { env: { ...process.env, TZ: timeZone }, encoding: 'utf8' });
  return JSON.parse(output) as ProbeOutput;
}

// New York and London change clocks inside the plan (March and the autumn), Kolkata never does,
// and Chatham's offset of +12:45/+13:45 puts UTC midnight mid-afternoon on the previous day.
const zones = ['UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Pacific/Chatham'];

describe('time zones', () => {
  test('schedule identical in every zone', () => {
    const results = zones.map((zone) => ({ zone, output: runProbe(zone) }));
    const reference = results[0]?.output.dates;
    expect(reference?.length).toBe(5);
    for (const { output } of results) {
      expect(output.dates).toEqual(reference);
    }
  }, 60_000);

  test('probe really ran in each zone', () => {
    // Offsets in minutes west of UTC, January then July 2021: proof that TZ took effect.
    expect(runProbe('America/New_York').offsets).toEqual([300, 240]);
    expect(runProbe('Europe/London').offsets).toEqual([0, -60]);
    expect(runProbe('Asia/Kolkata').offsets).toEqual([-330, -330]);
    expect(runProbe('Pacific/Chatham').offsets).toEqual([-825, -765]);
  }, 60_000);

  test('probe dates match hand-computed values', () => {
    const dates = runProbe('Pacific/Chatham').dates as readonly { taskId: string; earlyStart: string; earlyFinish: string }[];
    const byId = new Map(dates.map((task) => [task.taskId, task]));
    // 15 working days from Monday 03-01 end Friday 03-19; two lag days (03-22, 03-23) put the
    // transfer at Wednesday 03-24, but its constraint delays it to Friday 03-26.
    expect(byId.get('assessment')?.earlyFinish).toBe('2021-03-19');
    expect(byId.get('transfer')?.earlyStart).toBe('2021-03-26');
    // 20 working days after 03-26 is Friday 04-23 (no holidays in this calendar), and 90
    // calendar days from 04-23 end 07-21.
    expect(byId.get('hypercare')?.earlyStart).toBe('2021-04-23');
    expect(byId.get('hypercare')?.earlyFinish).toBe('2021-07-21');
    expect(byId.get('close')?.earlyStart).toBe('2021-07-22');
  }, 60_000);
});
