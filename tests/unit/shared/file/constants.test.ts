import { describe, expect, it } from 'vitest';
import { fileLimits } from '../../../../shared/file/constants';
import { maxOpenFileBytes } from '../../../../shared/ipc/contract';

describe('fileLimits', () => {
  it('file size equals what the app opens', () => {
    expect(fileLimits.maxFileBytes).toBe(maxOpenFileBytes);
  });
});
