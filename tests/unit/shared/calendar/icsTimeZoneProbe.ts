/**
 * Child process of `ics.test.ts`: prints the sample `.ics` file and the host's UTC offsets in
 * January and July 2026, which prove which `TZ` was in force.
 */
import { sampleIcs } from './icsSample';

const summary = {
  offsets: [new Date(2026, 0, 15, 12).getTimezoneOffset(), new Date(2026, 6, 15, 12).getTimezoneOffset()],
  ics: sampleIcs(),
};
process.stdout.write(JSON.stringify(summary));
