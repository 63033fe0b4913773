/**
 * Frame timing for the Gantt bench page: the end of a frame's rendering, intervals between
 * animation frames, and a scroll at a steady rate. Both charts go through these functions, so
 * they are measured by the same end conditions.
 */

/** Resolves at the next animation frame with its timestamp. */
export function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/**
 * Checks `condition` in every animation frame, and resolves with `performance.now()` in a task
 * after the rendering of the first frame in which it holds. A message posted from a
 * `requestAnimationFrame` callback is handled only after that frame's style, layout and paint
 * have run on the main thread, so the time includes them. Rasterization on Chromium's other
 * threads is not included. Rejects when the condition does not hold within `timeoutMs`.
 */
export function paintedWhen(condition: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const check = (time: number) => {
      let holds: boolean;
      try {
        holds = condition();
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (holds) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          resolve(performance.now());
        };
        channel.port2.postMessage(null);
      } else if (time - start > timeoutMs) {
        reject(new Error(`Timed out after ${String(timeoutMs)} ms waiting for ${what}`));
      } else {
        requestAnimationFrame(check);
      }
    };
    requestAnimationFrame(check);
  });
}

/** Resolves after the rendering of the next frame, as `paintedWhen` with a condition that always holds. */
export function afterNextPaint(): Promise<number> {
  return paintedWhen(() => true, Number.POSITIVE_INFINITY, 'the next frame');
}

/** Records the timestamp of every animation frame between `start` and `stop`. */
export class FrameRecorder {
  private readonly stamps: number[] = [];
  private handle = 0;

  start(): void {
    const tick = (time: number) => {
      this.stamps.push(time);
      this.handle = requestAnimationFrame(tick);
    };
    this.handle = requestAnimationFrame(tick);
  }

  /** Stops recording and returns the intervals between consecutive frames, in ms. */
  stop(): number[] {
    cancelAnimationFrame(this.handle);
    return this.stamps.slice(1).map((stamp, index) => stamp - (this.stamps[index] ?? stamp));
  }
}

export interface SteadyScroll {
  readonly durationMs: number;
  readonly frames: number[];
}

/**
 * Scrolls `scroller` from the top to the bottom at `rowsPerSecond` rows of `rowHeightPx`. In
 * every animation frame the position is set from the time elapsed since the first frame, as a
 * steady drag or wheel would, so a slow frame makes the next step longer instead of slowing the
 * scroll down. Setting `scrollTop` makes Chromium update style and layout at once, inside the
 * frame's callbacks, so that work still counts in the frame's time. Rejects when the bottom is not
 * reached within `timeoutMs`.
 */
export async function scrollSteadily(
  scroller: HTMLElement,
  rowHeightPx: number,
  rowsPerSecond: number,
  timeoutMs: number,
): Promise<SteadyScroll> {
  scroller.scrollTop = 0;
  await afterNextPaint();
  const bottom = scroller.scrollHeight - scroller.clientHeight;
  const pixelsPerMs = (rowHeightPx * rowsPerSecond) / 1000;
  const recorder = new FrameRecorder();
  recorder.start();
  const first = await nextFrame();
  let now = first;
  let position = 0;
  while (position < bottom) {
    if (now - first > timeoutMs) {
      recorder.stop();
      throw new Error(`Timed out after ${String(timeoutMs)} ms scrolling to ${String(bottom)} px; reached ${String(position)} px`);
    }
    position = Math.min(bottom, (now - first) * pixelsPerMs);
    scroller.scrollTop = position;
    now = await nextFrame();
  }
  // The frame that shows the bottom position is the last one measured.
  const end = await nextFrame();
  if (scroller.scrollTop < bottom - 1) {
    recorder.stop();
    throw new Error(`Scrolled to ${String(bottom)} px, but the container stopped at ${String(scroller.scrollTop)} px`);
  }
  return { durationMs: end - first, frames: recorder.stop() };
}
