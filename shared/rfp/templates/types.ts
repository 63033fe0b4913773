/**
 * Criteria templates: ready-made criteria trees with weights and level descriptions.
 *
 * Every user-facing text has a stable translation key derived from the template's structure,
 * and the English text sits next to it in the data:
 *   `rfpTemplates.<template>.<section>.title` and `.description`,
 *   `rfpTemplates.<template>.<section>.<criterion>.title`, `.description`, `.applicability`,
 *   `rfpTemplates.<template>.<section>.<criterion>.levels.<value>`,
 *   `rfpTemplates.levelLabels.<value>` for the level names shared by all criteria.
 * `templateMessages` turns a template into that nested English resource, so the renderer can
 * register it with i18next and a translator can supply the same keys in another language.
 */
import type { RfpCriterionKind } from '../../domain/rfp';

/** Descriptions of levels 0 to 5, in that order. */
export type LevelDescriptions = readonly [string, string, string, string, string, string];

export interface TemplateCriterion {
  /** Key unique within its section, a single camelCase word (no dots), for example `soc2Type2`. */
  readonly key: string;
  readonly kind: RfpCriterionKind;
  /** Suggested weight within the section; ignored for knockouts. */
  readonly weight: number;
  readonly title: string;
  /** Guidance for evaluators; for a knockout, the requirement for a pass. */
  readonly description: string;
  /** When the criterion applies; empty when always. */
  readonly applicability: string;
  /** Level descriptions on the 0 to 5 scale; `null` for knockouts, which are pass or fail. */
  readonly levels: LevelDescriptions | null;
}

export interface TemplateSection {
  /** Key unique within the template, a single camelCase word, for example `security`. */
  readonly key: string;
  /** Suggested section weight; the template's section weights add up to 100. */
  readonly weight: number;
  readonly title: string;
  readonly description: string;
  readonly criteria: readonly TemplateCriterion[];
}

export interface CriteriaTemplate {
  /** Key of the template, a single camelCase word, for example `bpo`. */
  readonly key: string;
  readonly title: string;
  readonly description: string;
  readonly sections: readonly TemplateSection[];
}
