/**
 * The user's own criteria templates, kept in the catalogue database so that a criteria set saved
 * from one client's RFP can start an RFP in any portfolio. A template contains criteria, weights
 * and level descriptions only, never scores, bidders or prices.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Id } from '@shared/domain/types';
import { AppFailure } from '@shared/errors';
import type { CriteriaTemplate } from '@shared/rfp/templates/types';
import { readCatalogue, resolveCatalogue, writeCatalogue } from './catalogueDb';
import type { CatalogueDb, SavedCriteriaTemplate } from './catalogueDb';

export type { SavedCriteriaTemplate } from './catalogueDb';

/** Maximum length of a template title, in UTF-16 code units. */
export const maxTemplateTitleLength = 200;

/**
 * Saves `template` under its trimmed title, replacing a saved template with the same title in any
 * letter case. Rejects with `storage.invalidName` (reason `criteriaTemplate`) when the title is
 * empty or too long, or when the template has no section.
 */
export async function saveCriteriaTemplate(template: CriteriaTemplate, catalogue?: CatalogueDb): Promise<SavedCriteriaTemplate> {
  const name = template.title.trim();
  if (name.length === 0 || name.length > maxTemplateTitleLength || template.sections.length === 0) {
    throw new AppFailure({
      code: 'storage.invalidName',
      detail: { name: template.title, maxLength: maxTemplateTitleLength, reason: 'criteriaTemplate' },
    });
  }
  const db = await resolveCatalogue(catalogue);
  return writeCatalogue(db, ['criteriaTemplates'], { table: 'criteriaTemplates', name }, async () => {
    const sameName = await db.criteriaTemplates.filter((saved) => saved.name.toLowerCase() === name.toLowerCase()).primaryKeys();
    await db.criteriaTemplates.bulkDelete(sameName);
    const saved: SavedCriteriaTemplate = { id: uuidv7(), name, savedAt: new Date().toISOString(), template: { ...template, title: name } };
    await db.criteriaTemplates.add(saved);
    return saved;
  });
}

/** Returns the saved criteria templates, by title. */
export function listCriteriaTemplates(catalogue?: CatalogueDb): Promise<SavedCriteriaTemplate[]> {
  return readCatalogue(catalogue, (db) => db.criteriaTemplates.orderBy('name').toArray());
}

/** Deletes a saved template; rejects with `storage.notFound` when there is none with that id. */
export async function deleteCriteriaTemplate(id: Id, catalogue?: CatalogueDb): Promise<void> {
  const db = await resolveCatalogue(catalogue);
  await writeCatalogue(db, ['criteriaTemplates'], { table: 'criteriaTemplates', id }, async () => {
    const deleted = await db.criteriaTemplates.where('id').equals(id).delete();
    if (deleted === 0) {
      throw new AppFailure({ code: 'storage.notFound', detail: { table: 'criteriaTemplates', id, reason: 'criteriaTemplate' } });
    }
  });
}
