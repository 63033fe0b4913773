import type { PlatformApi } from '@shared/ipc/contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. The name is `platformGlobalName`. */
    readonly steerwise?: PlatformApi;
  }
}
