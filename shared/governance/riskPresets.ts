/**
 * Presets of the risks that most BPO registers carry. A preset fills a new risk's category and
 * suggests a likelihood, an impact and a mitigation. The user then adjusts them to the provider.
 * Texts are i18n keys, so the renderer shows them in the user's language.
 *
 * The suggested scores are a starting point for a typical offshore or nearshore BPO contract,
 * chosen by judgement, not measured:
 * - provider concentration 3 x 4: a client often puts a whole process with one provider, and
 *   replacing that provider takes a full transition;
 * - attrition 4 x 3: high staff turnover is common in contact centres and transactional
 *   processing, and it erodes quality rather than stopping the service;
 * - data protection 3 x 5: the provider's staff handle the client's personal data every day, and a
 *   breach brings regulatory fines and notification duties;
 * - disaster recovery 2 x 5: a site outage is rare, but without a tested recovery site the service stops;
 * - financial distress 2 x 4: provider failures are rare but end the service at short notice;
 * - country risk 2 x 4: political unrest, strikes or currency controls where the sites are;
 * - regulatory change 3 x 3: new rules on data transfer, labour or the client's industry often
 *   require contract or process changes.
 */
import type { RiskCategory, RiskData, RiskScore } from '../domain/governance';

/** Categories that have a preset: every category except `other`. */
export type RiskPresetKey = Exclude<RiskCategory, 'other'>;

export interface RiskPreset {
  readonly key: RiskPresetKey;
  /** Category that a risk created from the preset gets, the same as `key`. */
  readonly category: RiskPresetKey;
  readonly likelihood: RiskScore;
  readonly impact: RiskScore;
  /** i18n key of the preset's name, the suggested risk title. */
  readonly titleKey: string;
  /** i18n key of a one-sentence description of the risk. */
  readonly descriptionKey: string;
  /** i18n key of the suggested mitigation. */
  readonly mitigationKey: string;
}

/** Prefix of every preset's i18n keys. */
export const riskPresetKeyPrefix = 'governance.riskPresets';

function preset(key: RiskPresetKey, likelihood: RiskScore, impact: RiskScore): RiskPreset {
  return {
    key,
    category: key,
    likelihood,
    impact,
    titleKey: `${riskPresetKeyPrefix}.${key}.title`,
    descriptionKey: `${riskPresetKeyPrefix}.${key}.description`,
    mitigationKey: `${riskPresetKeyPrefix}.${key}.mitigation`,
  };
}

/** The presets, in the order a preset picker lists them. */
export const riskPresets: readonly RiskPreset[] = [
  preset('providerConcentration', 3, 4),
  preset('attrition', 4, 3),
  preset('dataProtection', 3, 5),
  preset('disasterRecovery', 2, 5),
  preset('financialDistress', 2, 4),
  preset('countryRisk', 2, 4),
  preset('regulatoryChange', 3, 3),
];

/** Returns the preset of a category, or `null` for `other`. */
export function riskPresetFor(category: RiskCategory): RiskPreset | null {
  return riskPresets.find((candidate) => candidate.key === category) ?? null;
}

/**
 * Returns the fields of a new risk filled from a preset: category, likelihood, impact, and the
 * title, description and mitigation from `translate` (the renderer's i18n function). The result
 * is a start for the risk form. Owner, status and review date stay with the caller.
 */
export function riskFromPreset(
  preset: RiskPreset,
  translate: (key: string) => string,
): Pick<RiskData, 'category' | 'likelihood' | 'impact' | 'title' | 'description' | 'mitigation'> {
  return {
    category: preset.category,
    likelihood: preset.likelihood,
    impact: preset.impact,
    title: translate(preset.titleKey),
    description: translate(preset.descriptionKey),
    mitigation: translate(preset.mitigationKey),
  };
}
