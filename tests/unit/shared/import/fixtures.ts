/** Reads the committed CSV fixtures and the shipped NHS 111 sample as bytes. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const repositoryRoot = resolve(import.meta.dirname, '../../../..');

export function readCsvFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(repositoryRoot, 'tests/fixtures/csv', name)));
}

export const nhs111SampleName = 'nhs111_calls_2015-16.csv';

export function readNhs111Sample(): Uint8Array {
  return new Uint8Array(readFileSync(resolve(repositoryRoot, 'resources/sample', nhs111SampleName)));
}
