/**
 * The reverse of `instantiateTemplate`: an RFP's criteria tree saved as a criteria template of
 * the same shape as the built-in ones, so that a later RFP can start from it.
 */
import type { RfpCriterionData, RfpSectionData, ScoringScale } from '../../domain/rfp';
import type { WithId } from '../input';
import { positionsById, sortCriteria, sortSections } from '../order';
import { defaultScale } from '../scale';
import type { CriteriaTemplate, LevelDescriptions, TemplateCriterion, TemplateSection } from './types';

export type SectionRecord = WithId<Pick<RfpSectionData, 'templateKey' | 'title' | 'description' | 'weight' | 'order'>>;
export type CriterionRecord = WithId<
  Pick<
    RfpCriterionData,
    'sectionId' | 'templateKey' | 'title' | 'description' | 'kind' | 'weight' | 'scale' | 'applicabilityNote' | 'order'
  >
>;

/** Keys that name texts in a template's translation tree, so a section or criterion may not use them (see `templateMessages`). */
const reservedKeys: ReadonlySet<string> = new Set(['title', 'description', 'applicability', 'levels', 'levelLabels']);

/** Turns text into one camelCase word of ASCII letters and digits, such as "Security & compliance" into `securityCompliance`. */
function camelCase(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
  const [first, ...rest] = words;
  if (first === undefined) return '';
  const head = first.toLowerCase();
  const tail = rest.map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()).join('');
  // A key must start with a letter, so that it never reads as a number or an array index.
  return /^[a-z]/.test(head) ? head + tail : `n${head}${tail}`;
}

/**
 * Picks a key unique among `used`: the last segment of `templateKey` when the record came from a
 * template, else the camelCase title, else `fallback`. A number is appended on a clash.
 */
function uniqueKey(templateKey: string | null, title: string, fallback: string, used: Set<string>): string {
  const fromTemplate = templateKey?.split('.').at(-1) ?? '';
  const base = [fromTemplate, camelCase(title), fallback].find((candidate) => /^[a-z][A-Za-z0-9]*$/.test(candidate)) ?? fallback;
  let key = base;
  for (let suffix = 2; used.has(key) || reservedKeys.has(key); suffix += 1) key = `${base}${String(suffix)}`;
  used.add(key);
  return key;
}

/**
 * Level descriptions on the template's 0 to 5 scale: the description of the level with each value
 * from 0 to 5, or an empty text where the criterion's scale has no such level.
 * NOTE: levels with other values (a 1 to 10 scale, say) are dropped, because templates hold the
 * 0 to 5 scale only. An RFP created from the template gets the default scale.
 */
function levelDescriptions(scale: ScoringScale | null): LevelDescriptions {
  const byValue = new Map(scale?.levels.map((level) => [level.value, level.description]));
  const [l0, l1, l2, l3, l4, l5] = defaultScale.levels.map((level) => byValue.get(level.value) ?? '');
  return [l0 ?? '', l1 ?? '', l2 ?? '', l3 ?? '', l4 ?? '', l5 ?? ''];
}

function templateCriterion(criterion: CriterionRecord, index: number, used: Set<string>): TemplateCriterion {
  const knockout = criterion.kind === 'knockout';
  return {
    key: uniqueKey(criterion.templateKey, criterion.title, `criterion${String(index + 1)}`, used),
    kind: criterion.kind,
    weight: knockout ? 0 : criterion.weight,
    title: criterion.title,
    description: criterion.description,
    applicability: criterion.applicabilityNote,
    levels: knockout ? null : levelDescriptions(criterion.scale),
  };
}

/**
 * Builds a criteria template from an RFP's sections and criteria; `templateFromRfp` in
 * `index.ts` calls it with the built-in template keys reserved.
 */
export function treeToTemplate(
  sections: readonly SectionRecord[],
  criteria: readonly CriterionRecord[],
  name: string,
  reservedTemplateKeys: readonly string[],
): CriteriaTemplate {
  const orderedSections = sortSections(sections);
  const orderedCriteria = sortCriteria(criteria, positionsById(orderedSections));
  const sectionKeys = new Set<string>();

  const templateSections: TemplateSection[] = orderedSections.map((section, sectionIndex) => {
    const criterionKeys = new Set<string>();
    const own = orderedCriteria.filter((criterion) => criterion.sectionId === section.id);
    return {
      key: uniqueKey(section.templateKey, section.title, `section${String(sectionIndex + 1)}`, sectionKeys),
      weight: section.weight,
      title: section.title,
      description: section.description,
      criteria: own.map((criterion, index) => templateCriterion(criterion, index, criterionKeys)),
    };
  });

  const title = name.trim();
  return {
    key: uniqueKey(null, title, 'template', new Set(reservedTemplateKeys)),
    title,
    description: '',
    sections: templateSections,
  };
}
