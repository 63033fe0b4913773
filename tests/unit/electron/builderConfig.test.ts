/**
 * Checks electron-builder.json against the JSON schema that electron-builder itself ships
 * (`app-builder-lib/scheme.json`), so a misspelt key fails here instead of being ignored.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const config = JSON.parse(readFileSync(resolve(root, 'electron-builder.json'), 'utf8')) as Record<string, unknown>;
const schema = JSON.parse(readFileSync(resolve(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
// The schema uses a few keywords that strict mode rejects, such as `deprecated`.
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

describe('electron-builder.json', () => {
  it('matches the electron-builder schema', () => {
    validate(config);

    expect(validate.errors ?? []).toEqual([]);
  });

  it('fails the schema with an unknown fuse', () => {
    const misspelt = { ...config, electronFuses: { runAsNodee: false } };

    expect(validate(misspelt)).toBe(false);
  });

  it('names the app', () => {
    expect(config['appId']).toBe('app.steerwise.desktop');
    expect(config['productName']).toBe('Steerwise');
  });

  it('packs only the build output and package.json', () => {
    expect(config['files']).toEqual(['out/**', 'package.json']);
  });

  it('sets the security fuses', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('associates the .steerwise extension', () => {
    expect(config['fileAssociations']).toEqual([
      { ext: 'steerwise', name: 'Steerwise portfolio', description: 'Steerwise portfolio', role: 'Editor', mimeType: 'application/x-steerwise' },
    ]);
  });

  it('builds AppImage, deb, NSIS and DMG', () => {
    expect(config['linux']).toEqual({ target: ['AppImage', 'deb'], category: 'Office' });
    expect((config['win'] as Record<string, unknown>)['target']).toEqual(['nsis']);
    expect((config['mac'] as Record<string, unknown>)['target']).toEqual(['dmg']);
  });
});
