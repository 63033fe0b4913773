import { describe, expect, it } from 'vitest';
import { reportSectionKeys } from '../../../../../../shared/reports';
import {
  applyTemplate,
  checkChoices,
  defaultChoices,
  parsePeriodValue,
  periodValues,
  toReportOptions,
} from '../../../../../../renderer/src/features/reports/reportChoices';
import { safeFileName } from '../../../../../../renderer/src/features/reports/fileName';
import { buildPageRule, cssString, pageCounterContent } from '../../../../../../renderer/src/features/reports/pageRule';

const months = ['2015-12', '2016-03', '2016-01', '2016-02'];

describe('periodValues', () => {
  it('lists months latest first', () => {
    expect(periodValues('month', months, '2026-12-05')).toEqual(['2016-03', '2016-02', '2016-01', '2015-12']);
  });

  it('lists quarters latest first', () => {
    expect(periodValues('quarter', months, '2026-12-05')).toEqual(['2016-Q1', '2015-Q4']);
  });

  it('offers this month without results', () => {
    expect(periodValues('month', [], '2026-12-05')).toEqual(['2026-12']);
  });
});

describe('parsePeriodValue', () => {
  it('reads a quarter', () => {
    expect(parsePeriodValue('quarter', '2016-Q1')).toEqual({ kind: 'quarter', year: 2016, quarter: 1 });
  });

  it('rejects a fifth quarter', () => {
    expect(parsePeriodValue('quarter', '2016-Q5')).toBeNull();
  });

  it('rejects month 13', () => {
    expect(parsePeriodValue('month', '2016-13')).toBeNull();
  });
});

describe('toReportOptions', () => {
  it('builds options from the defaults', () => {
    const options = toReportOptions(defaultChoices(months, '2026-12-05'), '2026-12-05', '2026-12-05T10:00:00.000Z');
    expect(options).toEqual({
      scope: { kind: 'portfolio' },
      period: { kind: 'month', month: '2016-03' },
      sections: reportSectionKeys,
      withoutCommercialTerms: false,
      today: '2026-12-05',
      generatedAt: '2026-12-05T10:00:00.000Z',
    });
  });

  it('refuses providers scope without providers', () => {
    const choices = { ...defaultChoices(months, '2026-12-05'), scopeKind: 'providers' as const };
    expect(checkChoices(choices)).toEqual(['reports.builder.noProviderChosen']);
    expect(toReportOptions(choices, '2026-12-05', '2026-12-05T10:00:00.000Z')).toBeNull();
  });

  it('refuses a pack without sections', () => {
    const choices = { ...defaultChoices(months, '2026-12-05'), sections: [] };
    expect(checkChoices(choices)).toEqual(['reports.builder.noSectionChosen']);
  });
});

describe('applyTemplate', () => {
  const template = {
    name: 'Board',
    scope: { kind: 'providers' as const, providerIds: ['p1', 'gone'] },
    periodKind: 'quarter' as const,
    sections: ['risks' as const, 'summary' as const],
    paper: 'Letter' as const,
    orientation: 'landscape' as const,
    withoutCommercialTerms: true,
  };
  const applied = applyTemplate(template, defaultChoices(months, '2026-12-05'), months, '2026-12-05', new Set(['p1', 'p2']));

  it('drops providers no longer there', () => {
    expect(applied.providerIds).toEqual(['p1']);
  });

  it('picks the latest period of its kind', () => {
    expect(applied.periodValue).toBe('2016-Q1');
  });

  it('keeps the section order', () => {
    expect(applied.sections).toEqual(['summary', 'risks']);
  });
});

describe('safeFileName', () => {
  it('replaces characters file systems reject', () => {
    expect(safeFileName('Acme: EMEA/APAC 2016-Q1', [], 'pdf')).toBe('Acme EMEA APAC 2016-Q1.pdf');
  });

  it('keeps CJK names', () => {
    expect(safeFileName('上海客服中心 2016-03', [], 'xlsx')).toBe('上海客服中心 2016-03.xlsx');
  });

  it('joins qualifiers with dashes', () => {
    expect(safeFileName('Acme 2016-Q1', ['2 providers', 'without commercial terms'], 'xlsx')).toBe('Acme 2016-Q1 – 2 providers – without commercial terms.xlsx');
  });

  it('keeps qualifiers after a long base', () => {
    const name = safeFileName('A'.repeat(300), ['without commercial terms'], 'zip');
    expect(name.endsWith(' – without commercial terms.zip')).toBe(true);
    expect(name.length).toBeLessThan(140);
  });
});

describe('page rule', () => {
  it('escapes quotes and angle brackets', () => {
    expect(cssString('A "b" </style>')).toBe('"A \\22 b\\22  \\3C /style>"');
  });

  it('puts counters in the page label', () => {
    expect(pageCounterContent('Page {{page}} of {{pages}}')).toBe('"Page " counter(page) " of " counter(pages)');
  });

  it('states paper and orientation', () => {
    const rule = buildPageRule('Letter', 'landscape', { header: 'Acme · Q1 2016', generated: 'Generated 5 Dec 2026', pageOf: 'Page {{page}} of {{pages}}' });
    expect(rule).toContain('size: Letter landscape;');
    expect(rule).toContain('@top-left { content: "Acme · Q1 2016";');
    expect(rule).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
  });
});
