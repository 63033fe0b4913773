import { describe, expect, it } from 'vitest';
import type { RiskData } from '../../../../shared/domain/governance';
import { firstInvalidField, parseRiskForm, riskFormInputOf, riskTextLimits, type RiskFormInput } from '../../../../shared/forms/risk';

const providerId = '019c4700-0000-7000-8000-000000000001';
const providers: ReadonlySet<string> = new Set([providerId]);

const valid: RiskFormInput = {
  providerId,
  title: 'Call handler attrition',
  category: 'attrition',
  description: 'Leavers outpace recruitment.',
  likelihood: '4',
  impact: '3',
  owner: 'Priya Shah',
  mitigation: 'Retention bonus.',
  status: 'open',
  reviewDate: '2026-04-30',
};

function errorsOf(patch: Partial<RiskFormInput>) {
  const result = parseRiskForm({ ...valid, ...patch }, providers);
  if (result.ok) throw new Error('expected the form to be invalid');
  return result.errors;
}

describe('parseRiskForm', () => {
  it('returns risk data for a valid form', () => {
    const result = parseRiskForm(valid, providers);
    expect(result).toEqual({
      ok: true,
      value: {
        providerId,
        title: 'Call handler attrition',
        category: 'attrition',
        description: 'Leavers outpace recruitment.',
        likelihood: 4,
        impact: 3,
        owner: 'Priya Shah',
        mitigation: 'Retention bonus.',
        status: 'open',
        reviewDate: '2026-04-30',
      },
    });
  });

  it('trims every text field', () => {
    const result = parseRiskForm(
      {
        ...valid,
        title: '  Attrition  ',
        owner: ' Priya ',
        description: ' d ',
        mitigation: ' m ',
        likelihood: ' 2 ',
        reviewDate: ' 2026-01-31 ',
      },
      providers,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.title).toBe('Attrition');
    expect(result.value.owner).toBe('Priya');
    expect(result.value.description).toBe('d');
    expect(result.value.mitigation).toBe('m');
    expect(result.value.likelihood).toBe(2);
    expect(result.value.reviewDate).toBe('2026-01-31');
  });

  it('maps empty provider and review date to null', () => {
    const result = parseRiskForm({ ...valid, providerId: '', reviewDate: '' }, providers);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.providerId).toBeNull();
    expect(result.value.reviewDate).toBeNull();
  });

  it('requires a title', () => {
    expect(errorsOf({ title: '   ' })).toEqual({ title: 'risks.form.errors.titleRequired' });
  });

  it('rejects texts over their limits', () => {
    expect(errorsOf({ title: 'x'.repeat(riskTextLimits.title + 1) })).toEqual({ title: 'risks.form.errors.tooLong' });
    expect(errorsOf({ owner: 'x'.repeat(riskTextLimits.owner + 1) })).toEqual({ owner: 'risks.form.errors.tooLong' });
    expect(errorsOf({ description: 'x'.repeat(riskTextLimits.description + 1) })).toEqual({ description: 'risks.form.errors.tooLong' });
    expect(errorsOf({ mitigation: 'x'.repeat(riskTextLimits.mitigation + 1) })).toEqual({ mitigation: 'risks.form.errors.tooLong' });
  });

  it('accepts texts at their limits', () => {
    const result = parseRiskForm(
      { ...valid, title: 'x'.repeat(riskTextLimits.title), owner: ` ${'y'.repeat(riskTextLimits.owner)} ` },
      providers,
    );
    expect(result.ok).toBe(true);
  });

  it('requires likelihood and impact', () => {
    expect(errorsOf({ likelihood: '', impact: ' ' })).toEqual({
      likelihood: 'risks.form.errors.scoreRequired',
      impact: 'risks.form.errors.scoreRequired',
    });
  });

  it.each(['0', '6', '2.5', '-1', 'three', '1e0', '05'])('rejects score %s', (score) => {
    expect(errorsOf({ likelihood: score })).toEqual({ likelihood: 'risks.form.errors.scoreRange' });
    expect(errorsOf({ impact: score })).toEqual({ impact: 'risks.form.errors.scoreRange' });
  });

  it('accepts scores 1 to 5', () => {
    for (const score of ['1', '2', '3', '4', '5']) {
      const result = parseRiskForm({ ...valid, likelihood: score, impact: score }, providers);
      expect(result.ok).toBe(true);
    }
  });

  it.each(['2026-02-30', '2026-13-01', '30/04/2026', '2026-4-30', 'soon'])('rejects review date %s', (date) => {
    expect(errorsOf({ reviewDate: date })).toEqual({ reviewDate: 'risks.form.errors.reviewDateInvalid' });
  });

  it('accepts 29 February of a leap year only', () => {
    expect(parseRiskForm({ ...valid, reviewDate: '2028-02-29' }, providers).ok).toBe(true);
    expect(errorsOf({ reviewDate: '2027-02-29' })).toEqual({ reviewDate: 'risks.form.errors.reviewDateInvalid' });
  });

  it('rejects an unknown provider', () => {
    expect(errorsOf({ providerId: 'gone' })).toEqual({ providerId: 'risks.form.errors.providerUnknown' });
  });

  it('rejects an unknown category and status', () => {
    expect(errorsOf({ category: 'weather', status: 'done' })).toEqual({
      category: 'risks.form.errors.categoryInvalid',
      status: 'risks.form.errors.statusInvalid',
    });
  });

  it('reports every invalid field at once', () => {
    const errors = errorsOf({ title: '', likelihood: '9', reviewDate: 'x' });
    expect(Object.keys(errors).sort()).toEqual(['likelihood', 'reviewDate', 'title']);
  });
});

describe('firstInvalidField', () => {
  it('follows the form order', () => {
    expect(firstInvalidField({ reviewDate: 'risks.form.errors.reviewDateInvalid', impact: 'risks.form.errors.scoreRange' })).toBe('impact');
    expect(firstInvalidField({ mitigation: 'risks.form.errors.tooLong', title: 'risks.form.errors.titleRequired' })).toBe('title');
  });

  it('returns null without errors', () => {
    expect(firstInvalidField({})).toBeNull();
  });
});

describe('riskFormInputOf', () => {
  it('round-trips a stored risk', () => {
    const risk: RiskData = {
      providerId: null,
      title: 'Two providers handle all calls',
      category: 'providerConcentration',
      description: '',
      likelihood: 2,
      impact: 5,
      owner: '',
      mitigation: '',
      status: 'accepted',
      reviewDate: null,
    };
    const input = riskFormInputOf(risk);
    expect(input.providerId).toBe('');
    expect(input.reviewDate).toBe('');
    expect(parseRiskForm(input, providers)).toEqual({ ok: true, value: risk });
  });
});
