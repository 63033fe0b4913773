/**
 * Criteria templates as the RFP screens offer them: the built-in ones and the user's saved ones
 * in one choice list, the check of a new template's title, and the keys a new template must avoid.
 */
import { builtInTemplates } from '@shared/rfp/templates';
import type { CriteriaTemplate } from '@shared/rfp/templates/types';
import type { Id } from '@shared/domain/types';
import { maxTemplateTitleLength } from '../../db/criteriaTemplates';
import type { SavedCriteriaTemplate } from '../../db/criteriaTemplates';

/** One entry of the template list; `value` is unique across built-in and saved templates. */
export interface TemplateOption {
  readonly value: string;
  /** The template's own key, which also keys the translated texts of a built-in template. */
  readonly templateKey: string;
  readonly title: string;
  /** Id of the saved template, or `null` for a built-in one. */
  readonly savedId: Id | null;
}

/** The template an option stands for, and whether it ships with the app (its texts are then translated). */
export interface ChosenTemplate {
  readonly template: CriteriaTemplate;
  readonly builtIn: boolean;
}

/** Option value of the first built-in template (BPO), the form's default choice. */
export const defaultTemplateValue = builtInValue(builtInTemplates[0]?.key ?? 'bpo');

function builtInValue(key: string): string {
  return `builtIn:${key}`;
}

function savedValue(id: Id): string {
  return `saved:${id}`;
}

export function builtInTemplateOptions(): TemplateOption[] {
  return builtInTemplates.map((template) => ({
    value: builtInValue(template.key),
    templateKey: template.key,
    title: template.title,
    savedId: null,
  }));
}

/** Returns the saved templates as options, in the order given (the catalogue lists them by title). */
export function savedTemplateOptions(saved: readonly SavedCriteriaTemplate[]): TemplateOption[] {
  return saved.map((entry) => ({ value: savedValue(entry.id), templateKey: entry.template.key, title: entry.name, savedId: entry.id }));
}

/** Finds the template of option `value`; `null` when it names a saved template that was deleted meanwhile. */
export function resolveTemplateChoice(value: string, saved: readonly SavedCriteriaTemplate[]): ChosenTemplate | null {
  const builtIn = builtInTemplates.find((template) => builtInValue(template.key) === value);
  if (builtIn !== undefined) return { template: builtIn, builtIn: true };
  const entry = saved.find((candidate) => savedValue(candidate.id) === value);
  return entry === undefined ? null : { template: entry.template, builtIn: false };
}

/** Keys of the saved templates, which a new template's key must differ from. */
export function savedTemplateKeys(saved: readonly SavedCriteriaTemplate[]): string[] {
  return saved.map((entry) => entry.template.key);
}

export type TemplateNameProblem = 'nameMissing' | 'nameTooLong';

/** Checks a title typed for a new template; `null` when it can be saved. */
export function checkTemplateName(name: string): TemplateNameProblem | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'nameMissing';
  if (trimmed.length > maxTemplateTitleLength) return 'nameTooLong';
  return null;
}

/**
 * Returns the saved template that saving under `name` replaces, or `undefined`. The match
 * ignores letter case, as `saveCriteriaTemplate` does when it replaces a template.
 */
export function templateReplacedBy(name: string, saved: readonly SavedCriteriaTemplate[]): SavedCriteriaTemplate | undefined {
  const wanted = name.trim().toLowerCase();
  return saved.find((entry) => entry.name.toLowerCase() === wanted);
}
