// `requestPersistentStorage` remembers its first request for the whole module, so this file
// stubs `navigator` before anything calls it.
import { afterAll, expect, it, vi } from 'vitest';

const persist = vi.fn(() => Promise.resolve(true));
vi.stubGlobal('navigator', { storage: { persist } });

afterAll(() => {
  vi.unstubAllGlobals();
});

it('requestPersistentStorage asks the browser once', async () => {
  const { requestPersistentStorage } = await import('../../../../renderer/src/db/openDatabase');
  const results = await Promise.all([requestPersistentStorage(), requestPersistentStorage()]);
  expect(results).toEqual([true, true]);
  expect(persist).toHaveBeenCalledTimes(1);
});
