import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, reportSectionKeys } from '../../../../../../shared/reports';
import type { ReportOptions, SummaryFacts } from '../../../../../../shared/reports';
import { en } from '../../../../../../renderer/src/i18n/en';
import { csvFiles, csvRows, writeReportCsvZip } from '../../../../../../renderer/src/features/reports/reportCsv';
import {
  cellText,
  codeKeyPrefixes,
  dataTables,
  packFileName,
  sectionNote,
  summarySentences,
} from '../../../../../../renderer/src/features/reports/reportText';
import { sheetName, writeReportWorkbook } from '../../../../../../renderer/src/features/reports/reportWorkbook';
import { goldenIds, goldenSnapshot } from '../../../../shared/file/goldenSnapshot';

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

const options: ReportOptions = {
  scope: { kind: 'portfolio' },
  period: { kind: 'quarter', year: 2015, quarter: 2 },
  sections: reportSectionKeys,
  withoutCommercialTerms: false,
  today: '2026-02-15',
  generatedAt: '2026-02-15T10:00:00.000Z',
};

const facts: SummaryFacts = {
  criticalLevels: 12,
  missedLevels: 3,
  credits: [{ currency: 'GBP', dueMinor: 2_100_000, pendingMinor: 0, bonusMinor: 0 }],
  openEscalations: { 1: 4, 2: 1, 3: 2 },
  highRisks: 1,
  overdueActions: 0,
  upcomingDeadlines: 2,
  passedNoticeDeadlines: 0,
  expiredCertifications: 0,
  slippingPlans: 1,
};

describe('summarySentences', () => {
  it('writes the headline', () => {
    const [headline] = summarySentences(i18next.t, { period: { kind: 'quarter', year: 2016, quarter: 3 } }, facts, 'en-GB');
    expect(headline).toBe(
      '3 of 12 critical service levels missed in Q3 2016; credits of £21,000.00 due for Q3 2016; 2 escalations at steering committee level.',
    );
  });

  it('uses the singular', () => {
    const one = { ...facts, criticalLevels: 1, missedLevels: 1, openEscalations: { 1: 0, 2: 0, 3: 1 } };
    const [headline] = summarySentences(i18next.t, { period: { kind: 'month', month: '2016-03' } }, one, 'en-GB');
    expect(headline).toBe(
      '1 of 1 critical service level missed in March 2016; credits of £21,000.00 due for March 2016; 1 escalation at steering committee level.',
    );
  });

  it('says when nothing was measured', () => {
    const none = { ...facts, criticalLevels: 0, missedLevels: 0, credits: null };
    const [headline] = summarySentences(i18next.t, { period: { kind: 'month', month: '2016-03' } }, none, 'en-GB');
    expect(headline).toMatch(/^No critical service level has a result in March 2016; credits left out of this pack;/);
  });

  it('names pending earn-back apart', () => {
    const pending = { ...facts, credits: [{ currency: 'GBP', dueMinor: 100, pendingMinor: 250, bonusMinor: 0 }] };
    const [headline] = summarySentences(i18next.t, { period: { kind: 'month', month: '2016-03' } }, pending, 'en-GB');
    expect(headline).toContain('credits of £1.00 due for March 2016 (a further £2.50 pending earn-back)');
  });

  it('keeps currencies apart', () => {
    const two = { ...facts, credits: [{ currency: 'EUR', dueMinor: 500, pendingMinor: 0, bonusMinor: 0 }, ...(facts.credits ?? [])] };
    const [headline] = summarySentences(i18next.t, { period: { kind: 'month', month: '2016-03' } }, two, 'en-GB');
    expect(headline).toContain('credits of €5.00, £21,000.00 due for March 2016');
  });

  it('names the period without credits', () => {
    const none = { ...facts, credits: [] };
    const [headline] = summarySentences(i18next.t, { period: { kind: 'month', month: '2016-03' } }, none, 'en-GB');
    expect(headline).toContain('no service credits due for March 2016');
  });

  it('counts overdue actions', () => {
    const sentences = summarySentences(
      i18next.t,
      { period: { kind: 'month', month: '2016-03' } },
      { ...facts, overdueActions: 2 },
      'en-GB',
    );
    expect(sentences).toContain('2 action items are overdue.');
  });

  it('states overdue deadlines', () => {
    const overdue = { ...facts, passedNoticeDeadlines: 2, expiredCertifications: 1 };
    const sentences = summarySentences(i18next.t, { period: { kind: 'month', month: '2016-03' } }, overdue, 'en-GB');
    expect(sentences).toContain('2 notice deadlines have passed and 1 certification has expired.');
    expect(sentences).toContain('2 notice deadlines, renewals or certification expiries fall in the next 90 days.');
  });

  it('states an expired certification alone', () => {
    const sentences = summarySentences(
      i18next.t,
      { period: { kind: 'month', month: '2016-03' } },
      { ...facts, expiredCertifications: 1 },
      'en-GB',
    );
    expect(sentences).toContain('1 certification has expired.');
  });

  it('says when no deadline is overdue', () => {
    const sentences = summarySentences(i18next.t, { period: { kind: 'month', month: '2016-03' } }, facts, 'en-GB');
    expect(sentences).toContain('No notice deadline has passed and no certification has expired.');
  });
});

describe('cellText', () => {
  it.each(Object.entries(codeKeyPrefixes))('group %s has translations', (group, prefix) => {
    expect(i18next.exists(prefix), group).toBe(true);
  });

  it('formats a percent KPI value', () => {
    expect(cellText(i18next.t, { kind: 'kpiValue', value: 95.5, unit: 'percent' }, 'en-GB')).toBe('95.50%');
  });

  it('translates a status code', () => {
    expect(cellText(i18next.t, { kind: 'code', group: 'status', value: 'red' }, 'en-GB')).toBe('Missed minimum');
  });
});

describe('sectionNote', () => {
  const empty = { key: 'rfps', state: 'empty' } as const;

  it('explains missing RFPs in a provider pack', () => {
    expect(sectionNote(i18next.t, { scope: { kind: 'providers', providerIds: ['p'] } }, empty)).toBe(
      'A pack for chosen providers leaves RFPs out, because an RFP concerns several bidders.',
    );
  });

  it('speaks only of the portfolio in a whole pack', () => {
    expect(sectionNote(i18next.t, { scope: { kind: 'portfolio' } }, empty)).toBe('No RFP past its draft in this portfolio.');
  });

  it('has no note for a section with content', () => {
    expect(sectionNote(i18next.t, { scope: { kind: 'portfolio' } }, { key: 'rfps', state: 'ready' })).toBeNull();
  });
});

describe('pack texts', () => {
  const pack = buildReport({ snapshot: goldenSnapshot }, options);

  it('translates every table and column', () => {
    for (const section of pack.sections) {
      for (const table of dataTables(section)) {
        expect(i18next.exists(`reports.tables.${table.key}.title`), table.key).toBe(true);
        for (const column of table.columns)
          expect(i18next.exists(`reports.tables.${table.key}.columns.${column}`), `${table.key}.${column}`).toBe(true);
      }
    }
  });

  it('translates every code', () => {
    for (const section of pack.sections) {
      for (const cell of section.tables.flatMap((table) => table.rows.flat())) {
        if (cell.kind === 'code')
          expect(i18next.exists(`${codeKeyPrefixes[cell.group]}.${cell.value}`), `${cell.group}.${cell.value}`).toBe(true);
      }
    }
  });
});

describe('writeReportWorkbook', () => {
  const pack = buildReport({ snapshot: goldenSnapshot }, options);

  async function readBack(): Promise<ExcelJS.Workbook> {
    const bytes = await writeReportWorkbook(pack, i18next.t, 'en-GB');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    return workbook;
  }

  it('writes one sheet per section', async () => {
    const workbook = await readBack();
    expect(workbook.worksheets).toHaveLength(reportSectionKeys.length);
  });

  it('freezes the header row', async () => {
    const sheet = (await readBack()).getWorksheet('KPI scorecards');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('writes money as a number with its currency', async () => {
    const sheet = (await readBack()).getWorksheet('Service credits and earn-backs');
    // Row 1 is the first table's title and row 2 its header.
    const gross = sheet?.getRow(3).getCell(3);
    expect(typeof gross?.value).toBe('number');
    expect(gross?.numFmt).toBe('#,##0.00 "GBP"');
  });

  it('writes dates as dates', async () => {
    const sheet = (await readBack()).getWorksheet('Transition status');
    const start = sheet?.getRow(3).getCell(4);
    expect(start?.value).toBeInstanceOf(Date);
    expect(start?.numFmt).toBe('yyyy-mm-dd');
  });

  it('counts overdue deadlines on the summary sheet', async () => {
    const sheet = (await readBack()).getWorksheet('Executive summary');
    const values = new Map<unknown, unknown>();
    sheet?.eachRow((row) => values.set(row.getCell(1).value, row.getCell(2).value));
    expect(values.get('Notice deadlines passed')).toBe(1);
    expect(values.get('Certifications expired')).toBe(1);
    expect(values.get('Deadlines in the next 90 days')).toBe(1);
  });

  it('states the whole portfolio and its commercial terms', async () => {
    const sheet = (await readBack()).getWorksheet('Executive summary');
    const values = new Map<unknown, unknown>();
    sheet?.eachRow((row) => values.set(row.getCell(1).value, row.getCell(2).value));
    expect(values.get('Scope')).toBe('Whole portfolio');
    expect(values.get('Commercial terms')).toBe('Included');
  });

  it('states chosen providers and redaction', async () => {
    const redacted = buildReport(
      { snapshot: goldenSnapshot },
      { ...options, scope: { kind: 'providers', providerIds: [goldenIds.lincolnshire] }, withoutCommercialTerms: true },
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeReportWorkbook(redacted, i18next.t, 'en-GB')).buffer as ArrayBuffer);
    const values = new Map<unknown, unknown>();
    workbook.getWorksheet('Executive summary')?.eachRow((row) => values.set(row.getCell(1).value, row.getCell(2).value));
    expect(values.get('Scope')).toBe('LINCOLNSHIRE NHS 111');
    expect(values.get('Commercial terms')).toBe('Left out (charges, prices and service credits)');
  });

  it('names the first sheet Cover without a summary', async () => {
    const noSummary = buildReport({ snapshot: goldenSnapshot }, { ...options, sections: ['risks'] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeReportWorkbook(noSummary, i18next.t, 'en-GB')).buffer as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Cover', 'Risks']);
    expect(workbook.getWorksheet('Cover')?.getCell('A4').value).toBe('Scope');
  });

  it('titles each table of a sheet with several', async () => {
    const sheet = (await readBack()).getWorksheet('Service credits and earn-backs');
    expect(sheet?.getCell('A1').value).toBe('Credits by contract');
    expect(sheet?.getCell('A2').value).toBe('Provider');
    let secondTitle = 0;
    sheet?.eachRow((row, rowNumber) => {
      if (row.getCell(1).value === 'Credits and earn-backs by month') secondTitle = rowNumber;
    });
    expect(secondTitle).toBeGreaterThan(3);
    expect(sheet?.getRow(secondTitle + 1).getCell(1).value).toBe('Provider');
    expect(sheet?.views).not.toEqual(expect.arrayContaining([expect.objectContaining({ state: 'frozen' })]));
  });

  it('says why a table is empty', async () => {
    const noDecisions = buildReport({ snapshot: { ...goldenSnapshot, records: { ...goldenSnapshot.records, decisions: [] } } }, options);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeReportWorkbook(noDecisions, i18next.t, 'en-GB')).buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('Decisions and open actions');
    expect(sheet?.getCell('A1').value).toBe('Decisions in the period');
    expect(sheet?.getCell('A2').value).toBe('No decisions dated in this period.');
    expect(sheet?.getCell('A4').value).toBe('Open actions');
  });

  it('says when a section is empty', async () => {
    const empty = buildReport({ snapshot: goldenSnapshot }, { ...options, withoutCommercialTerms: true });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeReportWorkbook(empty, i18next.t, 'en-GB')).buffer as ArrayBuffer);
    expect(workbook.getWorksheet('Service credits and earn-backs')?.getCell('A1').value).toBe(
      'Left out: this pack is without commercial terms.',
    );
  });
});

describe('sheetName', () => {
  it('shortens and removes forbidden characters', () => {
    const used = new Set<string>();
    expect(sheetName('Decisions: and [open] actions / of the whole portfolio', used)).toBe('Decisions and open actions of t');
  });

  it('makes names unique', () => {
    const used = new Set<string>();
    sheetName('Risks', used);
    expect(sheetName('risks', used)).toBe('risks (2)');
  });
});

describe('CSV files', () => {
  const pack = buildReport({ snapshot: goldenSnapshot }, options);

  it('writes a cover and one file per table', () => {
    const tables = pack.sections.flatMap((section) => section.tables);
    const files = csvFiles(pack, i18next.t, 'en-GB');
    // The cover, the tables, and the risk heatmap as a table.
    expect(files).toHaveLength(tables.length + 2);
    expect(files.map((file) => file.name)).toContain('10 Risks - Open risks by likelihood and impact.csv');
    expect(files[0]?.name).toBe('01 Executive summary.csv');
    expect(files[1]?.name).toBe('02 KPI scorecards - Service levels.csv');
  });

  it('writes money as numbers with a currency column', () => {
    const file = csvFiles(pack, i18next.t, 'en-GB').find((entry) => entry.name.endsWith('Credits by contract.csv'));
    const [header = '', first = ''] = file?.text.replace('\ufeff', '').split('\r\n') ?? [];
    expect(header).toBe('Provider,Contract,Gross credits,Earned back,Removed by cap,Due,Pending earn-back,Bonus,Terms complete,Currency');
    expect(first).toContain(',12600.00,0.00,0.00,0.00,12600.00,1260.00,Yes,GBP');
  });

  it('rounds percentages and names their unit', () => {
    const file = csvFiles(pack, i18next.t, 'en-GB').find((entry) => entry.name.endsWith('Weight sensitivity.csv'));
    const lines = file?.text.replace('\ufeff', '').split('\r\n') ?? [];
    // The golden RFP's leader never changes, so "Leader changes at" has no value whose unit it could name.
    expect(lines[0]).toBe(
      'RFP,Kind,Criterion or section,Share of total (%),Leader unchanged from (%),Leader unchanged up to (%),Leader changes at,New leader',
    );
    const share = lines[1]?.split(',')[3] ?? '';
    expect(Number(share)).toBeGreaterThan(1);
    expect(share).toMatch(/^\d+(\.\d{1,2})?$/);
  });

  it('adds a unit column for KPIs of mixed units', () => {
    const rows = csvRows(
      i18next.t,
      ['KPI', 'Result'],
      [
        [
          { kind: 'text', value: 'Answered' },
          { kind: 'kpiValue', value: 95.123456, unit: 'percent' },
        ],
        [
          { kind: 'text', value: 'Speed' },
          { kind: 'kpiValue', value: 20, unit: 'seconds' },
        ],
      ],
      'en-GB',
    );
    expect(rows).toEqual([
      ['KPI', 'Result', 'Unit'],
      ['Answered', 95.12, '%'],
      ['Speed', 20, 's'],
    ]);
  });

  it('writes the risk heatmap', () => {
    const file = csvFiles(pack, i18next.t, 'en-GB').find((entry) => entry.name.endsWith('Open risks by likelihood and impact.csv'));
    const lines = file?.text.replace('\ufeff', '').trimEnd().split('\r\n') ?? [];
    expect(lines[0]).toBe('Likelihood,Impact 1,Impact 2,Impact 3,Impact 4,Impact 5');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['5', '4', '3', '2', '1']);
    const total = lines
      .slice(1)
      .flatMap((line) => line.split(',').slice(1))
      .reduce((sum, count) => sum + Number(count), 0);
    expect(total).toBe(goldenSnapshot.records.risks.filter((risk) => risk.status !== 'closed').length);
  });

  it('states scope and redaction in the cover', () => {
    const redacted = buildReport({ snapshot: goldenSnapshot }, { ...options, withoutCommercialTerms: true });
    const cover = csvFiles(redacted, i18next.t, 'en-GB')[0]?.text.split('\r\n') ?? [];
    expect(cover).toContain('Scope,Whole portfolio');
    expect(cover).toContain('Commercial terms,"Left out (charges, prices and service credits)"');
    expect(cover).toContain('Generated,2026-02-15T10:00:00.000Z');
  });

  it('guards formula-like text', () => {
    const rows = csvRows(
      i18next.t,
      ['=Bidder', 'Provider', 'Due'],
      [
        [
          { kind: 'text', value: '=HYPERLINK("http://127.0.0.1/","x")' },
          { kind: 'text', value: '@SUM(1)' },
          { kind: 'money', minor: -1250, currency: 'GBP' },
        ],
        [
          { kind: 'text', value: '-5' },
          { kind: 'text', value: '+44 20 7946 0000' },
          { kind: 'money', minor: 100, currency: 'GBP' },
        ],
      ],
      'en-GB',
    );
    expect(rows[0]).toEqual(["'=Bidder", 'Provider', 'Due', 'Currency']);
    expect(rows[1]).toEqual(['\'=HYPERLINK("http://127.0.0.1/","x")', "'@SUM(1)", '-12.50', 'GBP']);
    expect(rows[2]).toEqual(['-5', "'+44 20 7946 0000", '1.00', 'GBP']);
  });

  it('ends every file with a line break', () => {
    for (const file of csvFiles(pack, i18next.t, 'en-GB')) {
      expect(file.text.endsWith('\r\n'), file.name).toBe(true);
      expect(file.text.endsWith('\r\n\r\n'), file.name).toBe(false);
    }
  });

  it('zips the same bytes twice', () => {
    expect(writeReportCsvZip(pack, i18next.t, 'en-GB')).toEqual(writeReportCsvZip(pack, i18next.t, 'en-GB'));
  });

  it('writes dates as ISO dates', () => {
    const files = unzipSync(writeReportCsvZip(pack, i18next.t, 'en-GB'));
    const plans = Object.entries(files).find(([name]) => name.endsWith(' Transition status - Transition plans.csv'));
    expect(strFromU8(plans?.[1] ?? new Uint8Array()).split('\r\n')[1]).toMatch(/,\d{4}-\d{2}-\d{2},/);
  });
});

describe('packFileName', () => {
  const base = buildReport({ snapshot: goldenSnapshot }, options);

  it('names the whole pack after portfolio and period', () => {
    expect(packFileName(i18next.t, base, 'xlsx')).toBe(`${goldenSnapshot.portfolioName} 2015-Q2.xlsx`);
  });

  it('names one chosen provider', () => {
    const one = { ...base, scope: { kind: 'providers' as const, providerIds: ['p'] }, scopeProviderNames: ['LINCOLNSHIRE NHS 111'] };
    expect(packFileName(i18next.t, one, 'zip')).toBe(`${goldenSnapshot.portfolioName} 2015-Q2 – LINCOLNSHIRE NHS 111.zip`);
  });

  it('counts several providers and says what is left out', () => {
    const two = {
      ...base,
      scope: { kind: 'providers' as const, providerIds: ['p', 'q'] },
      scopeProviderNames: ['A', 'B'],
      withoutCommercialTerms: true,
    };
    expect(packFileName(i18next.t, two, 'xlsx')).toBe(
      `${goldenSnapshot.portfolioName} 2015-Q2 – 2 providers – without commercial terms.xlsx`,
    );
  });
});
