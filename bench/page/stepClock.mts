/** Step timing of the bench pages, which the runner lines up with its heap samples and trace. */
import type { StepSpan } from '../benchTypes';

/** Current time in ms since the Unix epoch, with sub-millisecond resolution. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * Times named steps. Each step also sets the marks `bench:<step>:start` and `bench:<step>:end`,
 * which the runner finds in its Chromium trace (see `gcTrace.ts`).
 */
export class StepClock<S extends string> {
  readonly spans: StepSpan<S>[] = [];

  constructor(private readonly stepEnded: ((step: S) => Promise<void>) | null) {}

  /** Runs `work` as `step`, then waits for the runner's step callback, if any, outside the step's span. */
  async time<T>(step: S, work: () => T | Promise<T>): Promise<T> {
    performance.mark(`bench:${step}:start`);
    const start = epochNow();
    const value = await work();
    this.spans.push({ step, start, end: epochNow() });
    performance.mark(`bench:${step}:end`);
    await this.stepEnded?.(step);
    return value;
  }
}
