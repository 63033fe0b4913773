import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Risk, RiskData } from '../../../../../../shared/domain/governance';
import { riskFormProblems } from '../../../../../../shared/forms/risk';
import type { CertificationRisk } from '../../../../../../shared/governance/certificationRisks';
import { buildRiskHeatmap } from '../../../../../../shared/governance/riskMatrix';
import { riskPresets } from '../../../../../../shared/governance/riskPresets';
import { recordedRiskData, relianceLines } from '../../../../../../renderer/src/features/risks/derivedRiskText';
import {
  buildRiskRows,
  filterRiskRows,
  filtersShowing,
  findRecordingRisk,
  heatmapRisksOf,
  isHiddenByFilters,
  noRiskFilters,
  reviewStateOf,
} from '../../../../../../renderer/src/features/risks/riskRows';
import type { RiskRowInput } from '../../../../../../renderer/src/features/risks/riskRows';
import type { RfpRecords } from '../../../../../../renderer/src/features/rfp/rfpRecords';
import { en } from '../../../../../../renderer/src/i18n/en';

let t: TFunction;
let exists: (key: string) => boolean;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
  t = instance.t;
  exists = (key) => instance.exists(key);
});

const today = '2026-03-02';
const acme = '019c0000-0000-7000-8000-0000000000a1';
const bolt = '019c0000-0000-7000-8000-0000000000b2';

function makeRisk(id: string, data: Partial<RiskData> = {}): Risk {
  return {
    id,
    clock: '0',
    fieldClocks: {},
    providerId: acme,
    title: `Risk ${id}`,
    category: 'attrition',
    description: '',
    likelihood: 4,
    impact: 3,
    owner: 'Priya',
    mitigation: '',
    status: 'open',
    reviewDate: null,
    ...data,
  };
}

const derivedIso: CertificationRisk = {
  id: `certification:${acme}:iso27001`,
  providerId: acme,
  category: 'dataProtection',
  status: 'open',
  standard: 'iso27001',
  likelihood: 3,
  impact: 4,
  gap: 'expired',
  certificationId: 'cert-1',
  expiredOn: '2026-01-14',
  reliedOn: [{ rfpId: 'rfp-1', criterionId: 'crit-1', bidderId: 'bid-1', knockoutStatus: 'pass', awarded: true }],
};

function input(risks: readonly Risk[], derived: readonly CertificationRisk[] = []): RiskRowInput {
  return {
    risks,
    derived,
    providers: [
      { id: acme, name: 'Acme Contact' },
      { id: bolt, name: 'Bolt Services' },
    ],
    certifications: [{ id: 'cert-1', issuedOn: '2023-01-15' }],
    today,
    formatDate: (date) => `<${date}>`,
  };
}

describe('reviewStateOf', () => {
  it('is due on the review date', () => {
    expect(reviewStateOf({ status: 'open', reviewDate: today }, today)).toBe('due');
  });

  it('is overdue after the review date', () => {
    expect(reviewStateOf({ status: 'mitigating', reviewDate: '2026-03-01' }, today)).toBe('overdue');
  });

  it('is neither before the date, when closed or without a date', () => {
    expect(reviewStateOf({ status: 'open', reviewDate: '2026-03-03' }, today)).toBeNull();
    expect(reviewStateOf({ status: 'closed', reviewDate: '2026-01-01' }, today)).toBeNull();
    expect(reviewStateOf({ status: 'open', reviewDate: null }, today)).toBeNull();
  });
});

describe('buildRiskRows', () => {
  it('builds stored rows with score, rating and provider name', () => {
    const [row] = buildRiskRows(t, input([makeRisk('r1', { likelihood: 5, impact: 4, reviewDate: '2026-02-01' })]));
    expect(row).toMatchObject({
      source: 'stored',
      providerName: 'Acme Contact',
      score: 20,
      rating: 'critical',
      review: 'overdue',
      recordedAs: null,
    });
  });

  it('names portfolio-wide and unknown providers', () => {
    const rows = buildRiskRows(t, input([makeRisk('r1', { providerId: null }), makeRisk('r2', { providerId: 'gone' })]));
    expect(rows.map((row) => row.providerName)).toEqual(['Portfolio-wide', 'Provider no longer in the portfolio']);
  });

  it('titles an expired derived risk', () => {
    const rows = buildRiskRows(t, input([], [derivedIso]));
    expect(rows[0]?.title).toBe('ISO/IEC 27001 certificate expired on <2026-01-14>');
    expect(rows[0]?.source).toBe('derived');
    expect(rows[0]?.score).toBe(12);
  });

  it('titles not yet valid and missing derived risks', () => {
    const notYet: CertificationRisk = { ...derivedIso, gap: 'notYetValid', expiredOn: null };
    const missing: CertificationRisk = {
      ...derivedIso,
      id: `certification:${acme}:pciDss`,
      standard: 'pciDss',
      gap: 'missing',
      certificationId: null,
      expiredOn: null,
    };
    const rows = buildRiskRows(t, input([], [notYet, missing]));
    expect(rows.map((row) => row.title)).toEqual([
      'ISO/IEC 27001 certificate not valid until <2023-01-15>',
      'No PCI DSS certificate recorded',
    ]);
  });

  it('marks a derived risk recorded by a stored one', () => {
    const recording = makeRisk('r1', { category: 'dataProtection', description: `Expired.\nSteerwise reference: ${derivedIso.id}` });
    const rows = buildRiskRows(t, input([recording], [derivedIso]));
    expect(rows[1]?.recordedAs?.id).toBe('r1');
  });
});

describe('findRecordingRisk', () => {
  it('needs the same provider', () => {
    const other = makeRisk('r1', { providerId: bolt, description: derivedIso.id });
    expect(findRecordingRisk(derivedIso, [other])).toBeNull();
  });

  it('needs the derived id in the description', () => {
    const unrelated = makeRisk('r1', { description: 'ISO 27001 expired' });
    expect(findRecordingRisk(derivedIso, [unrelated])).toBeNull();
  });
});

describe('filterRiskRows', () => {
  const risks = [
    makeRisk('open-acme'),
    makeRisk('closed-acme', { status: 'closed' }),
    makeRisk('wide', { providerId: null, category: 'providerConcentration', likelihood: 2, impact: 2 }),
    makeRisk('bolt', { providerId: bolt, status: 'mitigating', likelihood: 5, impact: 5 }),
  ];
  const ids = (filters: Partial<typeof noRiskFilters>) =>
    filterRiskRows(buildRiskRows(t, input(risks)), { ...noRiskFilters, ...filters }).map((row) => row.id);

  it('hides closed risks by default', () => {
    expect(ids({})).toEqual(['open-acme', 'wide', 'bolt']);
  });

  it('shows closed risks on request or by status', () => {
    expect(ids({ showClosed: true })).toEqual(['open-acme', 'closed-acme', 'wide', 'bolt']);
    expect(ids({ status: 'closed' })).toEqual(['closed-acme']);
  });

  it('filters by provider', () => {
    expect(ids({ provider: bolt })).toEqual(['bolt']);
    expect(ids({ provider: 'portfolioWide' })).toEqual(['wide']);
  });

  it('filters by status, category and rating', () => {
    expect(ids({ status: 'mitigating' })).toEqual(['bolt']);
    expect(ids({ category: 'providerConcentration' })).toEqual(['wide']);
    expect(ids({ rating: 'critical' })).toEqual(['bolt']);
    expect(ids({ rating: 'low' })).toEqual(['wide']);
  });
});

describe('filtersShowing', () => {
  it.each(['open-acme', 'closed-acme'])('shows the chosen row %s', (id) => {
    const rows = buildRiskRows(t, input([makeRisk('open-acme', { status: 'mitigating' }), makeRisk('closed-acme', { status: 'closed' })]));
    const row = rows.find((candidate) => candidate.id === id);
    if (row === undefined) throw new Error(`no row ${id}`);
    expect(filterRiskRows(rows, filtersShowing(row)).map((shown) => shown.id)).toContain(id);
  });
});

describe('isHiddenByFilters', () => {
  it('is false without a chosen row', () => {
    expect(isHiddenByFilters(null, [])).toBe(false);
  });

  it('is true when the register leaves the row out', () => {
    expect(isHiddenByFilters({ id: 'r1' }, [{ id: 'r2' }])).toBe(true);
  });

  it('is false when the register shows the row', () => {
    expect(isHiddenByFilters({ id: 'r2' }, [{ id: 'r1' }, { id: 'r2' }])).toBe(false);
  });
});

describe('heatmapRisksOf', () => {
  it('leaves out recorded derived risks and closed ones', () => {
    const recording = makeRisk('r1', { description: derivedIso.id, likelihood: 3, impact: 4 });
    const closed = makeRisk('r2', { status: 'closed' });
    const rows = buildRiskRows(t, input([recording, closed], [derivedIso]));
    const heatmap = buildRiskHeatmap(heatmapRisksOf(rows));
    expect(heatmap.total).toBe(1);
    expect(heatmap.rows[2]?.[3]?.riskIds).toEqual(['r1']);
  });

  it('counts an unrecorded derived risk', () => {
    const heatmap = buildRiskHeatmap(heatmapRisksOf(buildRiskRows(t, input([], [derivedIso]))));
    expect(heatmap.rows[2]?.[3]?.riskIds).toEqual([derivedIso.id]);
  });
});

describe('recordedRiskData', () => {
  const rfps = new Map<string, RfpRecords>([
    [
      'rfp-1',
      {
        event: { id: 'rfp-1', title: 'Contact centre 2026' },
        criteria: [{ id: 'crit-1', title: 'ISO 27001 certification' }],
        bidders: [{ id: 'bid-1', name: 'Acme Contact' }],
      } as unknown as RfpRecords,
    ],
  ]);

  it('describes each reliance', () => {
    expect(relianceLines(t, derivedIso, rfps).map((line) => line.text)).toEqual([
      '“ISO 27001 certification” in Contact centre 2026, bidder Acme Contact: passed and awarded the RFP',
    ]);
  });

  it('names an RFP that is gone as unknown', () => {
    expect(relianceLines(t, derivedIso, new Map())[0]?.rfpTitle).toBeNull();
  });

  it('keeps the derived id so the register finds the recording', () => {
    const data = recordedRiskData(t, derivedIso, 'ISO/IEC 27001 certificate expired', rfps);
    expect(data).toMatchObject({
      providerId: acme,
      category: 'dataProtection',
      likelihood: 3,
      impact: 4,
      status: 'open',
      reviewDate: null,
    });
    expect(findRecordingRisk(derivedIso, [makeRisk('stored', data)])?.id).toBe('stored');
  });
});

describe('risk texts', () => {
  it.each(riskPresets.map((preset) => preset.key))('preset %s has its three texts', (key) => {
    const preset = riskPresets.find((candidate) => candidate.key === key);
    expect(exists(preset?.titleKey ?? '')).toBe(true);
    expect(exists(preset?.descriptionKey ?? '')).toBe(true);
    expect(exists(preset?.mitigationKey ?? '')).toBe(true);
  });

  it.each(riskFormProblems)('form error %s has a sentence', (problem) => {
    expect(exists(`risks.form.errors.${problem}`)).toBe(true);
  });
});
