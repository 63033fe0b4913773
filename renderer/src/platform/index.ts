/**
 * The platform API the renderer uses: the Electron preload's `window.steerwise` when it is
 * present, the browser-mode implementation otherwise.
 */
import type { PlatformApi } from '@shared/ipc/contract';
import { createWebPlatform } from './web';

export const platform: PlatformApi = window.steerwise ?? createWebPlatform();
