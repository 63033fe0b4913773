import { describe, expect, it } from 'vitest';
import { checkExportPassphrase } from '../../../../../../renderer/src/features/sync/exportPassphrase';

describe('checkExportPassphrase', () => {
  it('exports plain when the option is off', () => {
    expect(checkExportPassphrase({ enabled: false, passphrase: 'ignored', confirmation: 'other' })).toEqual({ kind: 'plain' });
  });

  it('rejects an empty passphrase when on', () => {
    expect(checkExportPassphrase({ enabled: true, passphrase: '', confirmation: '' })).toEqual({ kind: 'invalid', reason: 'empty' });
  });

  it('rejects fewer than eight characters', () => {
    expect(checkExportPassphrase({ enabled: true, passphrase: 'harbour', confirmation: 'harbour' })).toEqual({
      kind: 'invalid',
      reason: 'tooShort',
    });
    // Code points, not UTF-16 units: seven emoji are seven characters.
    const emoji = '🔑'.repeat(7);
    expect(checkExportPassphrase({ enabled: true, passphrase: emoji, confirmation: emoji })).toEqual({
      kind: 'invalid',
      reason: 'tooShort',
    });
    expect(checkExportPassphrase({ enabled: true, passphrase: 'harbours', confirmation: 'harbours' }).kind).toBe('encrypt');
  });

  it('rejects a differing confirmation', () => {
    expect(checkExportPassphrase({ enabled: true, passphrase: 'harbour lights', confirmation: 'harbor lights' })).toEqual({
      kind: 'invalid',
      reason: 'mismatch',
    });
  });

  it('counts trailing spaces as different', () => {
    expect(checkExportPassphrase({ enabled: true, passphrase: 'harbour lights ', confirmation: 'harbour lights' })).toEqual({
      kind: 'invalid',
      reason: 'mismatch',
    });
  });

  it('encrypts with a confirmed passphrase', () => {
    expect(checkExportPassphrase({ enabled: true, passphrase: 'harbour lights', confirmation: 'harbour lights' })).toEqual({
      kind: 'encrypt',
      passphrase: 'harbour lights',
    });
  });
});
