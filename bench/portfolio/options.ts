/** Command-line options of the portfolio file bench, which `bench/run.ts` passes through. */
import type { PortfolioShape } from './generator';
import { defaultShape } from './generator';
import type { MergeRuns } from './mergeComparison';

export interface PortfolioBenchOptions {
  readonly shape: PortfolioShape;
  /**
   * Measurements of the portfolio that the Automerge comparison merges, with providers scaled
   * down in proportion. The default is the whole portfolio.
   */
  readonly automergeMeasurements: number;
  /** Runs of each merge in the comparison: warm-ups, then the runs whose median counts. */
  readonly mergeRuns: MergeRuns;
  /**
   * Whether the bench also times Automerge on saved and loaded documents. At the full size that
   * ran out of WebAssembly memory (see docs/benchmarks.md), so it is off unless asked for.
   */
  readonly automergeSaved: boolean;
  readonly keepProfile: boolean;
}

/** `parseArgs` declarations of the portfolio bench's options. */
export const portfolioOptionConfig = {
  providers: { type: 'string' },
  measurements: { type: 'string' },
  seed: { type: 'string' },
  quick: { type: 'boolean' },
  'automerge-measurements': { type: 'string' },
  'merge-repeats': { type: 'string' },
  'merge-warmups': { type: 'string' },
  'automerge-saved': { type: 'boolean' },
} as const;

export interface PortfolioOptionValues {
  readonly providers?: string | undefined;
  readonly measurements?: string | undefined;
  readonly seed?: string | undefined;
  readonly quick?: boolean | undefined;
  readonly 'automerge-measurements'?: string | undefined;
  readonly 'merge-repeats'?: string | undefined;
  readonly 'merge-warmups'?: string | undefined;
  readonly 'automerge-saved'?: boolean | undefined;
}

/** `--quick`: a tenth of the full size, for a quick check. */
const quickShape: PortfolioShape = { ...defaultShape, providers: 20, measurements: 15_000 };
const defaultMergeRepeats = 5;
const defaultMergeWarmups = 1;

function wholeNumber(option: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`Invalid --${option} value ${JSON.stringify(text)}: expected a whole number of at least ${min}.`);
  }
  return value;
}

/** Builds the options from parsed arguments. Throws `RangeError` naming the option for an invalid value. */
export function portfolioOptionsFrom(values: PortfolioOptionValues, keepProfile: boolean): PortfolioBenchOptions {
  const base = values.quick === true ? quickShape : defaultShape;
  const shape: PortfolioShape = {
    seed: wholeNumber('seed', values.seed, base.seed, 0),
    providers: wholeNumber('providers', values.providers, base.providers, 1),
    measurements: wholeNumber('measurements', values.measurements, base.measurements, 1),
  };
  return {
    shape,
    automergeMeasurements: Math.min(
      shape.measurements,
      wholeNumber('automerge-measurements', values['automerge-measurements'], shape.measurements, 1),
    ),
    mergeRuns: {
      warmups: wholeNumber('merge-warmups', values['merge-warmups'], defaultMergeWarmups, 0),
      repeats: wholeNumber('merge-repeats', values['merge-repeats'], defaultMergeRepeats, 1),
    },
    automergeSaved: values['automerge-saved'] === true,
    keepProfile,
  };
}

/** Returns the shape that the Automerge comparison merges: `measurements` with providers in proportion. */
export function comparedShape(options: PortfolioBenchOptions): PortfolioShape {
  const { shape, automergeMeasurements } = options;
  if (automergeMeasurements >= shape.measurements) return shape;
  const providers = Math.max(1, Math.round((shape.providers * automergeMeasurements) / shape.measurements));
  return { seed: shape.seed, providers, measurements: automergeMeasurements };
}
