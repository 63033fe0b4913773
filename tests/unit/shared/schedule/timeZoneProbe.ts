/**
 * Child process of `timeZones.test.ts`: schedules a plan that spans the 2021 daylight-saving
 * changes and prints the dates, with the local offsets that prove which time zone was in force.
 */
import { schedulePlan } from '../../../../shared/schedule/engine';
import { makeInput, makeLink, makeTask } from './factories';

const input = makeInput(
  [
    makeTask('kickoff', 0),
    makeTask('assessment', 15),
    makeTask('transfer', 40, { startNoEarlierThan: '2021-03-26' }),
    makeTask('hypercare', 90, { durationUnit: 'calendarDays' }),
    makeTask('close', 0),
  ],
  [
    makeLink('kickoff', 'assessment'),
    makeLink('assessment', 'transfer', 'FS', 2),
    makeLink('transfer', 'hypercare', 'SS', 20),
    makeLink('hypercare', 'close'),
  ],
  { startOn: '2021-03-01' },
);
const outcome = schedulePlan(input);
const summary = {
  offsets: [new Date(2021, 0, 15, 12).getTimezoneOffset(), new Date(2021, 6, 15, 12).getTimezoneOffset()],
  dates: outcome.ok ? outcome.schedule.tasks : outcome.issues,
};
process.stdout.write(JSON.stringify(summary));
