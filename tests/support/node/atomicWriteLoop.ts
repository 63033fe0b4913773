/**
 * Child process for the atomic write crash test: replaces one file with `writeFileAtomic`
 * over and over until it is killed. Each write is a new version of a self-checking payload.
 *
 * Usage: node --import tsx atomicWriteLoop.ts <target path> <first version> <body bytes>
 * Prints `writing` once before the first write and `written <version>` after each write.
 */
import { writeFileAtomic } from '../../../electron/main/files';
import { buildPayload } from './atomicWritePayload';

const [targetPath, firstVersionText, bodyBytesText] = process.argv.slice(2);
if (targetPath === undefined || firstVersionText === undefined || bodyBytesText === undefined) {
  process.stderr.write('usage: atomicWriteLoop.ts <target path> <first version> <body bytes>\n');
  process.exit(2);
}
const bodyBytes = Number(bodyBytesText);

// Payloads are built ahead so that most of the loop's time is spent inside writeFileAtomic.
const payloads = [0, 1].map((offset) => buildPayload(Number(firstVersionText) + offset, bodyBytes));

process.stdout.write('writing\n');
for (let round = 0; ; round += 1) {
  const payload = payloads[round % 2]!;
  const result = await writeFileAtomic(targetPath, payload);
  if (!result.ok) {
    process.stderr.write(`write failed: ${result.error.code} ${result.error.cause ?? ''}\n`);
    process.exit(1);
  }
  process.stdout.write(`written ${Number(firstVersionText) + (round % 2)}\n`);
}
