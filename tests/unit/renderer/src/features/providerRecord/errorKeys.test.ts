import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../../../../../../renderer/src/i18n/en';

const schemaPath = fileURLToPath(new URL('../../../../../../shared/forms/providerProfile.ts', import.meta.url));

/** Error names the schema file passes to `problem` and `customIssue`. */
function schemaErrorNames(): string[] {
  const source = readFileSync(schemaPath, 'utf8');
  return [...source.matchAll(/(?:problem|customIssue)\('([A-Za-z]+)'/gu)].map((match) => match[1] ?? '');
}

describe('provider record error keys', () => {
  it('finds the schema errors', () => {
    expect(schemaErrorNames().length).toBeGreaterThan(15);
  });

  it('has a sentence for every error', () => {
    const sentences: Readonly<Record<string, string>> = en.providerRecord.errors;
    const missing = schemaErrorNames().filter((name) => sentences[name] === undefined);
    expect(missing).toEqual([]);
  });

  it('has a sentence for the fallback error', () => {
    expect(en.providerRecord.errors.invalid).toBeTruthy();
  });
});
