/**
 * Child process for the atomic write crash test: replaces one file with `writeFileAtomic` over
 * and over until it is killed, alternating between the bytes of two source files.
 *
 * Usage: atomicWriteLoop <target path> <first source> <second source>
 * Prints `writing` once both sources are read, then `written <n>` after the n-th write. Odd
 * writes copy the first source and even writes the second.
 */
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../../electron/main/files';

const [targetPath, firstSource, secondSource] = process.argv.slice(2);
if (targetPath === undefined || firstSource === undefined || secondSource === undefined) {
  process.stderr.write('usage: atomicWriteLoop <target path> <first source> <second source>\n');
  process.exit(2);
}

// Both sources are read before the loop, so that most of its time is spent inside writeFileAtomic.
const sources = [new Uint8Array(await readFile(firstSource)), new Uint8Array(await readFile(secondSource))];

process.stdout.write('writing\n');
for (let count = 1; ; count += 1) {
  const result = await writeFileAtomic(targetPath, sources[(count - 1) % 2]!);
  if (!result.ok) {
    process.stderr.write(`write failed: ${result.error.code} ${result.error.cause ?? ''}\n`);
    process.exit(1);
  }
  process.stdout.write(`written ${String(count)}\n`);
}
