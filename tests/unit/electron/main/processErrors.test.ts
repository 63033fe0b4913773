import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { logProcessErrors } from '../../../../electron/main/processErrors';
import { createRecordingLogger } from '../../../support/node/recordingLogger';

describe('logProcessErrors', () => {
  it('logs an uncaught exception', () => {
    const target = new EventEmitter();
    const logger = createRecordingLogger();
    logProcessErrors(target, logger);
    const error = new TypeError('menu is undefined');

    target.emit('uncaughtExceptionMonitor', error, 'uncaughtException');

    expect(logger.entries).toHaveLength(1);
    expect(logger.entries[0]?.level).toBe('error');
    expect(logger.entries[0]?.message).toBe('Uncaught exception in the main process');
    expect(logger.entries[0]?.context?.['origin']).toBe('uncaughtException');
    expect(String(logger.entries[0]?.context?.['cause'])).toContain('TypeError: menu is undefined');
  });

  it('logs an unhandled rejection', () => {
    const target = new EventEmitter();
    const logger = createRecordingLogger();
    logProcessErrors(target, logger);

    target.emit('unhandledRejection', 'disk full');

    expect(logger.entries).toEqual([{ tag: 'main', level: 'error', message: 'Unhandled rejection in the main process', context: { cause: 'disk full' } }]);
  });
});
