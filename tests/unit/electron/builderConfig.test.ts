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

  it('packs only the desktop build output and package.json', () => {
    expect(config['files']).toEqual(['out/**', '!out/web/**', 'package.json']);
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
    expect(config['linux']).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office', icon: 'icon.png' });
    expect((config['win'] as Record<string, unknown>)['target']).toEqual(['nsis']);
    expect((config['mac'] as Record<string, unknown>)['target']).toEqual(['dmg']);
  });
});

/** Reads an icon named in the config for `platform` from the build resources folder. */
function iconOf(platform: 'linux' | 'win' | 'mac'): Buffer {
  const directories = config['directories'] as Record<string, string>;
  const icon = (config[platform] as Record<string, string>)['icon'] ?? '';
  return readFileSync(resolve(root, directories['buildResources'] ?? '', icon));
}

describe('app icons', () => {
  it('gives Linux a 512 × 512 PNG', () => {
    const png = iconOf('linux');

    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // The IHDR chunk follows the signature: width and height are big-endian at bytes 16 and 20.
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
  });

  it('gives Windows an ICO up to 256 pixels', () => {
    const ico = iconOf('win');
    const count = ico.readUInt16LE(4);
    // Each 16-byte directory entry starts with width and height, where 0 means 256.
    const widths = Array.from({ length: count }, (_, index) => ico.readUInt8(6 + index * 16) || 256);

    expect(ico.readUInt16LE(2)).toBe(1);
    expect(widths).toContain(256);
    expect(widths).toContain(16);
  });

  it('gives macOS an ICNS up to 1024 pixels', () => {
    const icns = iconOf('mac');
    const types: string[] = [];
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4)) types.push(icns.toString('latin1', offset, offset + 4));

    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    // ic10 is the 1024-pixel (512 pt @2x) image, ic09 the 512-pixel one.
    expect(types).toContain('ic10');
    expect(types).toContain('ic09');
  });
});
