import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/errors';
import { hasErrorName, toStorageFailure } from '../../../../renderer/src/db/storageErrors';

const quota = new DOMException('disk full', 'QuotaExceededError');

describe('hasErrorName', () => {
  it('finds the name on the error itself', () => {
    expect(hasErrorName(quota, 'QuotaExceededError')).toBe(true);
  });

  it('finds the name on a Dexie inner error', () => {
    expect(hasErrorName(new Dexie.AbortError('aborted', quota), 'QuotaExceededError')).toBe(true);
  });

  it('finds the name among bulk failures by position', () => {
    expect(hasErrorName({ name: 'BulkError', failures: { 3: quota } }, 'QuotaExceededError')).toBe(true);
  });

  it('finds the name in a cause chain', () => {
    expect(hasErrorName(new Error('outer', { cause: quota }), 'QuotaExceededError')).toBe(true);
  });

  it('returns false for a plain error', () => {
    expect(hasErrorName(new Error('other'), 'QuotaExceededError')).toBe(false);
  });
});

describe('toStorageFailure', () => {
  it('maps a quota error to storage.quotaExceeded', () => {
    const failure = toStorageFailure(quota, { table: 'measurements' });
    expect(failure.appError.code).toBe('storage.quotaExceeded');
    expect(failure.appError.detail).toEqual({ table: 'measurements' });
    expect(failure.appError.cause).toBe('QuotaExceededError: disk full');
  });

  it('maps a version error to storage.versionTooNew', () => {
    expect(toStorageFailure(new DOMException('newer', 'VersionError'), {}).appError.code).toBe('storage.versionTooNew');
  });

  it('maps other errors to storage.writeFailed', () => {
    expect(toStorageFailure(new Dexie.ConstraintError('key exists'), {}).appError.code).toBe('storage.writeFailed');
  });

  it('passes an AppFailure through unchanged', () => {
    const original = new AppFailure({ code: 'storage.notFound', detail: { id: 'x' } });
    expect(toStorageFailure(original, { table: 'providers' })).toBe(original);
  });

  it('describes a thrown string in the cause', () => {
    expect(toStorageFailure('boom', {}).appError.cause).toBe('boom');
  });
});
