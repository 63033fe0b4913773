/**
 * Browser-mode platform API against a minimal fake document: vitest runs in Node here, and
 * the fake records what the implementation does with the file input and the download link.
 * `File`, `Blob` and Blob URLs are Node's own.
 */
import { resolveObjectURL } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { maxOpenFileBytes } from '@shared/ipc/contract';
import type { OpenFileRequest } from '@shared/ipc/contract';
import { buildAcceptAttribute, createWebPlatform, readPickedFile, webLogCapacity } from '../../../../../renderer/src/platform/web';
import { errorOf, valueOf } from '../../../../support/node/results';

/** What the user does when the picker opens. */
type PickerAction = { readonly kind: 'pick'; readonly file: File } | { readonly kind: 'cancel' } | { readonly kind: 'pick-nothing' };

class FakeElement extends EventTarget {
  type = '';
  accept = '';
  hidden = false;
  href = '';
  download = '';
  files: File[] | null = null;
  removed = false;
  clicks = 0;
  onClick: (element: FakeElement) => void = () => undefined;

  click(): void {
    this.clicks += 1;
    this.onClick(this);
  }

  remove(): void {
    this.removed = true;
  }
}

let created: FakeElement[];
let pickerAction: PickerAction;

beforeEach(() => {
  created = [];
  pickerAction = { kind: 'cancel' };
  vi.stubGlobal('document', {
    createElement: () => {
      const element = new FakeElement();
      element.onClick = (clicked) => {
        if (clicked.type !== 'file') return;
        // A real picker fires its event after the click returns.
        queueMicrotask(() => {
          if (pickerAction.kind === 'cancel') {
            clicked.dispatchEvent(new Event('cancel'));
            return;
          }
          clicked.files = pickerAction.kind === 'pick' ? [pickerAction.file] : [];
          clicked.dispatchEvent(new Event('change'));
        });
      };
      created.push(element);
      return element;
    },
    body: { append: () => undefined },
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const csvRequest: OpenFileRequest = {
  title: 'Import measurements',
  filters: [
    { name: 'CSV', extensions: ['csv', 'TXT'] },
    { name: 'Text', extensions: ['txt'] },
  ],
  maxBytes: 1024,
};

describe('buildAcceptAttribute', () => {
  it('lists each extension once, lower case', () => {
    expect(buildAcceptAttribute(csvRequest.filters)).toBe('.csv,.txt');
  });

  it('accepts every file for a star filter', () => {
    expect(buildAcceptAttribute([{ name: 'All files', extensions: ['*'] }])).toBe('');
  });
});

describe('web openFile', () => {
  it('returns the picked file', async () => {
    pickerAction = { kind: 'pick', file: new File(['period,calls\n'], 'calls.csv') };

    const result = await createWebPlatform().openFile(csvRequest);

    expect(valueOf(result)?.name).toBe('calls.csv');
    expect(new TextDecoder().decode(valueOf(result)?.bytes)).toBe('period,calls\n');
  });

  it('opens a hidden file input with the accept list', async () => {
    await createWebPlatform().openFile(csvRequest);

    const [input] = created;
    expect(input?.type).toBe('file');
    expect(input?.accept).toBe('.csv,.txt');
    expect(input?.hidden).toBe(true);
    expect(input?.clicks).toBe(1);
  });

  it('returns null when the user cancels', async () => {
    pickerAction = { kind: 'cancel' };

    const result = await createWebPlatform().openFile(csvRequest);

    expect(result).toEqual({ ok: true, value: null });
  });

  it('returns null when no file was picked', async () => {
    pickerAction = { kind: 'pick-nothing' };

    const result = await createWebPlatform().openFile(csvRequest);

    expect(result).toEqual({ ok: true, value: null });
  });

  it('removes the input afterwards', async () => {
    await createWebPlatform().openFile(csvRequest);

    expect(created[0]?.removed).toBe(true);
  });

  it('rejects a file over the requested limit', async () => {
    pickerAction = { kind: 'pick', file: new File([new Uint8Array(1025)], 'big.csv') };

    const result = await createWebPlatform().openFile(csvRequest);

    expect(errorOf(result).code).toBe('file.tooLarge');
    expect(errorOf(result).detail).toEqual({ file: 'big.csv', sizeBytes: 1025, maxBytes: 1024 });
  });

  it('caps the limit at the app maximum', async () => {
    pickerAction = { kind: 'pick', file: { name: 'huge.csv', size: maxOpenFileBytes + 1 } as File };

    const result = await createWebPlatform().openFile({ ...csvRequest, maxBytes: maxOpenFileBytes * 2 });

    expect(errorOf(result).detail?.['maxBytes']).toBe(maxOpenFileBytes);
  });
});

describe('readPickedFile', () => {
  it('checks the size before reading', async () => {
    const file = new File([new Uint8Array(10)], 'big.csv');
    const arrayBuffer = vi.spyOn(file, 'arrayBuffer');

    await readPickedFile(file, 5);

    expect(arrayBuffer).not.toHaveBeenCalled();
  });

  it('rejects an empty file', async () => {
    const result = await readPickedFile(new File([], 'empty.csv'), 5);

    expect(errorOf(result).code).toBe('file.empty');
  });

  it('reports a failed read', async () => {
    const file = new File(['abc'], 'gone.csv');
    vi.spyOn(file, 'arrayBuffer').mockRejectedValue(new Error('NotReadableError'));

    const result = await readPickedFile(file, 5);

    expect(errorOf(result).code).toBe('file.readFailed');
    expect(errorOf(result).detail).toEqual({ file: 'gone.csv' });
  });
});

describe('web saveFile', () => {
  it('downloads the bytes under the suggested name', async () => {
    vi.useFakeTimers();
    const request = { title: 'Export', suggestedName: 'acme.steerwise', filters: [], bytes: new Uint8Array([80, 75, 3, 4]) };

    const result = await createWebPlatform().saveFile(request);

    const link = created[0];
    expect(result).toEqual({ ok: true, value: { name: 'acme.steerwise' } });
    expect(link?.download).toBe('acme.steerwise');
    expect(link?.clicks).toBe(1);
    expect(link?.href.startsWith('blob:')).toBe(true);
    const blob = await resolveObjectURL(link?.href ?? '')?.arrayBuffer();
    expect([...new Uint8Array(blob ?? new ArrayBuffer(0))]).toEqual([80, 75, 3, 4]);
  });

  it('revokes the Blob URL later', async () => {
    vi.useFakeTimers();
    const revoke = vi.spyOn(URL, 'revokeObjectURL');

    await createWebPlatform().saveFile({ title: 'Export', suggestedName: 'a.steerwise', filters: [], bytes: new Uint8Array([1]) });
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();

    expect(revoke).toHaveBeenCalledExactlyOnceWith(created[0]?.href);
  });
});

describe('web log', () => {
  it('keeps the newest entries up to the capacity', () => {
    const platform = createWebPlatform();

    for (let index = 0; index < webLogCapacity + 5; index += 1) {
      platform.log('debug', `entry ${index}`);
    }

    const entries = platform.recentLogEntries();
    expect(entries).toHaveLength(webLogCapacity);
    expect(entries[0]?.message).toBe('entry 5');
    expect(entries.at(-1)?.message).toBe(`entry ${webLogCapacity + 4}`);
  });

  it('writes only warnings and errors to the console', () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const platform = createWebPlatform();

    platform.log('info', 'opened');
    platform.log('warn', 'slow import', { rows: 9 });
    platform.log('error', 'import failed');

    expect(info).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledExactlyOnceWith('[steerwise] slow import', { rows: 9 });
    expect(error).toHaveBeenCalledExactlyOnceWith('[steerwise] import failed', {});
  });
});

describe('web appInfo', () => {
  it('reports the browser host and a version', async () => {
    const result = await createWebPlatform().appInfo();

    expect(valueOf(result).host).toBe('browser');
    expect(valueOf(result).version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
