/**
 * Built-in criteria templates, their English translation resource, and the copy of a template
 * into an RFP's sections and criteria. See `types.ts` for the translation key scheme.
 */
import type { RfpCriterionData, RfpSectionData, ScoringScale } from '../../domain/rfp';
import type { Id } from '../../domain/types';
import type { WithId } from '../input';
import { defaultScale } from '../scale';
import { bpoTemplate } from './bpo';
import { treeToTemplate } from './fromRfp';
import type { CriterionRecord, SectionRecord } from './fromRfp';
import type { CriteriaTemplate, TemplateCriterion, TemplateSection } from './types';

export const builtInTemplates: readonly CriteriaTemplate[] = [bpoTemplate];

/**
 * Builds a criteria template of the same shape as the built-in ones from an RFP's sections and
 * criteria, in their order, with weights as entered and `name` (trimmed) as its title. Section
 * and criterion keys are the last part of the records' `templateKey`, or else their camelCase
 * title, made unique. The template's key is the camelCase `name`, made different from every
 * built-in template key and from `reservedTemplateKeys` (for example the keys of templates
 * already saved). Criteria whose section is not among `sections` are left out. Pure: the caller
 * stores the result.
 */
export function templateFromRfp(
  sections: readonly SectionRecord[],
  criteria: readonly CriterionRecord[],
  name: string,
  reservedTemplateKeys: readonly string[] = [],
): CriteriaTemplate {
  return treeToTemplate(sections, criteria, name, [...builtInTemplates.map((template) => template.key), ...reservedTemplateKeys]);
}

/** Top-level key of the template texts in the translation resources. */
export const templateNamespace = 'rfpTemplates';

/** Nested translation resource in i18next's JSON form. */
export interface MessageTree {
  readonly [key: string]: string | MessageTree;
}

/** Translation key of one text of a section or criterion, from its `templateKey`, for example `rfpTemplates.bpo.security.soc2Type2.title`. */
export function templateTextKey(templateKey: string, field: 'title' | 'description' | 'applicability' | `levels.${number}`): string {
  return `${templateNamespace}.${templateKey}.${field}`;
}

/** Translation key of the name of scale level `value`, shared by all criteria. */
export function levelLabelKey(value: number): string {
  return `${templateNamespace}.levelLabels.${String(value)}`;
}

/** Builds the English resource for `templates` under `templateNamespace`, to register with i18next. */
export function templateMessages(templates: readonly CriteriaTemplate[] = builtInTemplates): MessageTree {
  const levelLabels: Record<string, string> = {};
  for (const level of defaultScale.levels) {
    levelLabels[String(level.value)] = level.label;
  }
  const tree: Record<string, MessageTree> = { levelLabels };
  for (const template of templates) {
    const node: Record<string, string | MessageTree> = { title: template.title, description: template.description };
    for (const section of template.sections) {
      node[section.key] = sectionMessages(section);
    }
    tree[template.key] = node;
  }
  return { [templateNamespace]: tree };
}

function sectionMessages(section: TemplateSection): MessageTree {
  const node: Record<string, string | MessageTree> = { title: section.title, description: section.description };
  for (const criterion of section.criteria) {
    const criterionNode: Record<string, string | MessageTree> = {
      title: criterion.title,
      description: criterion.description,
      applicability: criterion.applicability,
    };
    if (criterion.levels !== null) {
      criterionNode.levels = Object.fromEntries(criterion.levels.map((text, value) => [String(value), text]));
    }
    node[criterion.key] = criterionNode;
  }
  return node;
}

export interface InstantiateOptions {
  readonly rfpId: Id;
  /** Returns a new record id (a UUIDv7 in the app). */
  readonly newId: () => Id;
  /** Returns the text of `key` in the user's language; the default keeps the English. */
  readonly translate?: (key: string, english: string) => string;
}

export interface InstantiatedTree {
  readonly sections: readonly WithId<RfpSectionData>[];
  readonly criteria: readonly WithId<RfpCriterionData>[];
}

/**
 * Copies a template into new section and criterion data for an RFP, with the template's
 * weights and the texts translated through `translate`. The copies keep their `templateKey`,
 * so a screen can tell where they came from, and the user may edit them freely afterwards.
 */
export function instantiateTemplate(template: CriteriaTemplate, options: InstantiateOptions): InstantiatedTree {
  const translate = options.translate ?? ((_key: string, english: string) => english);
  const sections: WithId<RfpSectionData>[] = [];
  const criteria: WithId<RfpCriterionData>[] = [];

  template.sections.forEach((section, sectionIndex) => {
    const sectionKey = `${template.key}.${section.key}`;
    const sectionId = options.newId();
    sections.push({
      id: sectionId,
      rfpId: options.rfpId,
      templateKey: sectionKey,
      title: translate(templateTextKey(sectionKey, 'title'), section.title),
      description: translate(templateTextKey(sectionKey, 'description'), section.description),
      weight: section.weight,
      order: sectionIndex + 1,
    });
    section.criteria.forEach((criterion, criterionIndex) => {
      const criterionKey = `${sectionKey}.${criterion.key}`;
      criteria.push({
        id: options.newId(),
        rfpId: options.rfpId,
        sectionId,
        templateKey: criterionKey,
        title: translate(templateTextKey(criterionKey, 'title'), criterion.title),
        description: translate(templateTextKey(criterionKey, 'description'), criterion.description),
        kind: criterion.kind,
        weight: criterion.kind === 'knockout' ? 0 : criterion.weight,
        scale: criterionScale(criterion, criterionKey, translate),
        applicabilityNote: translate(templateTextKey(criterionKey, 'applicability'), criterion.applicability),
        order: criterionIndex + 1,
      });
    });
  });
  return { sections, criteria };
}

function criterionScale(
  criterion: TemplateCriterion,
  criterionKey: string,
  translate: (key: string, english: string) => string,
): ScoringScale | null {
  if (criterion.levels === null) {
    return null;
  }
  const descriptions = criterion.levels;
  return {
    levels: defaultScale.levels.map((level, index) => ({
      value: level.value,
      label: translate(levelLabelKey(level.value), level.label),
      description: translate(templateTextKey(criterionKey, `levels.${level.value}`), descriptions[index] ?? ''),
    })),
  };
}
