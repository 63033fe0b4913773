/**
 * The report bench's measured process: builds the full steering committee pack of the generated
 * portfolio (`bench/portfolio/generator.ts`) as the Reports screen does, from its snapshot, and
 * writes the figures as one JSON line on stdout. It runs in a process of its own so that its peak
 * resident memory belongs to the pack alone. Run by `reportBench.ts`.
 */
import i18next from 'i18next';
import { buildReportStepwise, reportSectionKeys } from '../../shared/reports';
import type { ReportOptions, ReportPack } from '../../shared/reports';
import { drawCharts } from '../../renderer/src/features/reports/drawCharts';
import { writeReportCsvZip } from '../../renderer/src/features/reports/reportCsv';
import { writeReportWorkbook } from '../../renderer/src/features/reports/reportWorkbook';
import { en } from '../../renderer/src/i18n/en';
import { defaultShape, generatePortfolio } from '../portfolio/generator';
import type { PortfolioShape } from '../portfolio/generator';

/** Figures of one run, in milliseconds and bytes. */
export interface ReportWorkerResult {
  readonly shape: PortfolioShape;
  readonly generateMs: number;
  readonly buildMs: number;
  readonly chartsMs: number;
  readonly workbookMs: number;
  readonly csvMs: number;
  readonly totalMs: number;
  readonly workbookBytes: number;
  readonly csvZipBytes: number;
  readonly counts: { readonly sections: number; readonly tables: number; readonly rows: number; readonly charts: number };
  /** Used JavaScript heap before the pack, after generating the portfolio. */
  readonly baselineHeapMb: number;
  /** Highest used JavaScript heap sampled every 5 ms and between steps while the pack was made. */
  readonly peakHeapMb: number;
  /** Peak resident set size of this process (`process.resourceUsage().maxRSS`), portfolio included. */
  readonly maxRssMb: number;
}

const bytesPerMb = 1024 * 1024;

function setImmediatePause(): Promise<void> {
  return new Promise((resolve) => {
    setImmediate(resolve);
  });
}

/** Follows the used heap with a timer; samples run between the build's steps, which yield to the event loop. */
function heapSampler() {
  let peak = process.memoryUsage().heapUsed;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, 5);
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

function countsOf(pack: ReportPack) {
  const tables = pack.sections.flatMap((section) => section.tables);
  const charts = pack.sections.reduce((sum, section) => {
    if (section.key === 'scorecards') return sum + section.charts.length;
    if (section.key === 'transitions') return sum + section.gantts.length;
    return sum;
  }, 0);
  return { sections: pack.sections.length, tables: tables.length, rows: tables.reduce((sum, table) => sum + table.rows.length, 0), charts };
}

async function main(): Promise<void> {
  await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
  const generatedAt = performance.now();
  const { snapshot } = generatePortfolio(defaultShape);
  const generateMs = performance.now() - generatedAt;
  const months = [...new Set(snapshot.records.measurements.map((measurement) => measurement.period))].sort();
  const lastMonth = months.at(-1) ?? '2026-01';
  const year = Number(lastMonth.slice(0, 4));
  const quarter = (Math.floor((Number(lastMonth.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4;
  const options: ReportOptions = {
    scope: { kind: 'portfolio' },
    period: { kind: 'quarter', year, quarter },
    sections: reportSectionKeys,
    withoutCommercialTerms: false,
    today: `${lastMonth}-28`,
    generatedAt: '2026-12-05T12:00:00.000Z',
  };

  const baselineHeap = process.memoryUsage().heapUsed;
  const sampler = heapSampler();
  const signal = new AbortController().signal;
  const started = performance.now();
  const pack = await buildReportStepwise({ snapshot }, options, { pause: setImmediatePause, onProgress: sampler.sample });
  const built = performance.now();
  await drawCharts(pack, i18next.t, 'en-GB', signal, sampler.sample, setImmediatePause);
  const drawn = performance.now();
  const workbook = await writeReportWorkbook(pack, i18next.t, 'en-GB');
  const written = performance.now();
  sampler.sample();
  const zip = writeReportCsvZip(pack, i18next.t, 'en-GB');
  const zipped = performance.now();
  const peakHeap = sampler.stop();

  const result: ReportWorkerResult = {
    shape: defaultShape,
    generateMs,
    buildMs: built - started,
    chartsMs: drawn - built,
    workbookMs: written - drawn,
    csvMs: zipped - written,
    totalMs: zipped - started,
    workbookBytes: workbook.byteLength,
    csvZipBytes: zip.byteLength,
    counts: countsOf(pack),
    baselineHeapMb: baselineHeap / bytesPerMb,
    peakHeapMb: peakHeap / bytesPerMb,
    // `maxRSS` is in kilobytes.
    maxRssMb: (process.resourceUsage().maxRSS * 1024) / bytesPerMb,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
