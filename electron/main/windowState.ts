/**
 * The window's size, position and maximized state, kept across restarts in
 * `window-state.json` under the user data folder. A saved position is used only while it is on
 * a connected display, so a window closed on a since-removed monitor does not open off screen.
 */
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './jsonFile';
import type { Logger } from './logger';

export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  isMaximized: z.boolean(),
});

export type WindowState = z.output<typeof windowStateSchema>;

export interface WindowSizeLimits {
  readonly defaultWidth: number;
  readonly defaultHeight: number;
  readonly minWidth: number;
  readonly minHeight: number;
}

/** Bounds to open the window with. Without `x` and `y` Electron centres the window. */
export interface InitialWindowBounds {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly isMaximized: boolean;
}

/** Part of the window's title bar that must lie on a display for the saved position to be used, in pixels. */
const minVisibleTitleBar = { width: 100, height: 32 } as const;

/**
 * Decides where the window opens. `workAreas` are the work areas of the connected displays
 * (`screen.getAllDisplays()[i].workArea`), the primary first. The saved position is kept when
 * the top strip of the window, where the title bar is, overlaps a work area by at least
 * 100 × 32 pixels, so the user can still grab and move the window. The size is kept in any
 * case, but limited to the minimum size and to the largest work area.
 */
export function initialWindowBounds(saved: WindowState | undefined, workAreas: readonly Rectangle[], limits: WindowSizeLimits): InitialWindowBounds {
  const largest = workAreas.reduce<Rectangle | undefined>((best, area) => (best === undefined || area.width * area.height > best.width * best.height ? area : best), undefined);
  const clampSize = (value: number, minimum: number, maximum: number | undefined) => Math.max(minimum, maximum === undefined ? value : Math.min(value, maximum));

  if (saved === undefined) {
    return {
      width: clampSize(limits.defaultWidth, limits.minWidth, largest?.width),
      height: clampSize(limits.defaultHeight, limits.minHeight, largest?.height),
      isMaximized: false,
    };
  }

  const width = clampSize(saved.width, limits.minWidth, largest?.width);
  const height = clampSize(saved.height, limits.minHeight, largest?.height);
  const titleBar: Rectangle = { x: saved.x, y: saved.y, width, height: minVisibleTitleBar.height };
  const onScreen = workAreas.some((area) => {
    const overlap = intersection(titleBar, area);
    return overlap !== undefined && overlap.width >= minVisibleTitleBar.width && overlap.height >= minVisibleTitleBar.height;
  });
  return onScreen ? { x: saved.x, y: saved.y, width, height, isMaximized: saved.isMaximized } : { width, height, isMaximized: saved.isMaximized };
}

function intersection(a: Rectangle, b: Rectangle): Rectangle | undefined {
  const left = Math.max(a.x, b.x);
  const top = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > left && bottom > top ? { x: left, y: top, width: right - left, height: bottom - top } : undefined;
}

/** Reads the saved state; `undefined` when there is none or it is invalid. */
export function loadWindowState(filePath: string, logger: Logger): Promise<WindowState | undefined> {
  return readJsonFile(filePath, windowStateSchema, logger);
}

/** The part of Electron's `BrowserWindow` the state tracking uses. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  /** Bounds of the window when not maximized, so un-maximizing after a restart returns to them. */
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
}

export interface WindowStateTracker {
  /** Writes a pending change now; resolves when it is on disk. */
  flush(): Promise<void>;
}

/**
 * Saves the window's state `debounceMs` after the last move or resize, and at once when it
 * closes. Writes run one after another, so the last state written is the newest.
 */
export function trackWindowState(window: TrackedWindow, filePath: string, logger: Logger, debounceMs = 500): WindowStateTracker {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  const save = (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const bounds = window.getNormalBounds();
    const state: WindowState = {
      x: Math.round(bounds.x),
      y: Math.round(bounds.y),
      width: Math.round(bounds.width),
      height: Math.round(bounds.height),
      isMaximized: window.isMaximized(),
    };
    writing = writing.then(async () => {
      await writeJsonFile(filePath, state, logger);
    });
    return writing;
  };
  const scheduleSave = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void save(), debounceMs);
  };

  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, scheduleSave);
  // The quit guard can hold a close back and repeat it once the window is hidden, so only the
  // first close saves the bounds.
  let closeSaved = false;
  window.on('close', () => {
    if (closeSaved) return;
    closeSaved = true;
    void save();
  });

  return {
    flush: () => (timer === undefined ? writing : save()),
  };
}
