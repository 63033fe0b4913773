import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { bpoTemplate } from '../../../../shared/rfp/templates/bpo';
import type { CriteriaTemplate } from '../../../../shared/rfp/templates/types';
import { openCatalogue } from '../../../../renderer/src/db/catalogue';
import type { CatalogueDb } from '../../../../renderer/src/db/catalogue';
import {
  deleteCriteriaTemplate,
  listCriteriaTemplates,
  maxTemplateTitleLength,
  saveCriteriaTemplate,
} from '../../../../renderer/src/db/criteriaTemplates';
import { freshName, rejection } from './factories';

const opened: CatalogueDb[] = [];

afterEach(() => {
  for (const catalogue of opened.splice(0)) catalogue.close();
});

async function freshCatalogue(): Promise<CatalogueDb> {
  const catalogue = await openCatalogue(freshName('catalogue'));
  opened.push(catalogue);
  return catalogue;
}

function titled(title: string): CriteriaTemplate {
  return { ...bpoTemplate, title };
}

describe('saveCriteriaTemplate', () => {
  it('stores the whole criteria tree', async () => {
    const catalogue = await freshCatalogue();

    const saved = await saveCriteriaTemplate(titled('  Contact centre RFP  '), catalogue);

    expect(saved.name).toBe('Contact centre RFP');
    const [listed] = await listCriteriaTemplates(catalogue);
    expect(listed?.template.sections).toEqual(bpoTemplate.sections);
    expect(listed?.template.title).toBe('Contact centre RFP');
  });

  it('replaces a template with the same title', async () => {
    const catalogue = await freshCatalogue();
    await saveCriteriaTemplate(titled('Claims processing'), catalogue);
    const shorter: CriteriaTemplate = { ...titled('CLAIMS PROCESSING'), sections: bpoTemplate.sections.slice(0, 2) };

    await saveCriteriaTemplate(shorter, catalogue);

    const listed = await listCriteriaTemplates(catalogue);
    expect(listed).toHaveLength(1);
    expect(listed[0]?.template.sections).toHaveLength(2);
  });

  it('lists templates by title', async () => {
    const catalogue = await freshCatalogue();
    await saveCriteriaTemplate(titled('Payroll'), catalogue);
    await saveCriteriaTemplate(titled('Accounts payable'), catalogue);

    expect((await listCriteriaTemplates(catalogue)).map((saved) => saved.name)).toEqual(['Accounts payable', 'Payroll']);
  });

  it.each([
    ['empty title', titled('   ')],
    ['long title', titled('x'.repeat(maxTemplateTitleLength + 1))],
    ['no section', { ...titled('Empty'), sections: [] }],
  ])('rejects %s and stores nothing', async (_case, template) => {
    const catalogue = await freshCatalogue();

    const failure = await rejection(saveCriteriaTemplate(template, catalogue));

    expect(failure.appError).toMatchObject({ code: 'storage.invalidName', detail: { reason: 'criteriaTemplate' } });
    expect(await listCriteriaTemplates(catalogue)).toEqual([]);
  });
});

describe('deleteCriteriaTemplate', () => {
  it('removes a saved template', async () => {
    const catalogue = await freshCatalogue();
    const saved = await saveCriteriaTemplate(titled('Payroll'), catalogue);

    await deleteCriteriaTemplate(saved.id, catalogue);

    expect(await listCriteriaTemplates(catalogue)).toEqual([]);
  });

  it('rejects an unknown id', async () => {
    const catalogue = await freshCatalogue();

    const failure = await rejection(deleteCriteriaTemplate('0190c5e2-0000-7000-8000-000000000000', catalogue));

    expect(failure.appError).toMatchObject({ code: 'storage.notFound', detail: { table: 'criteriaTemplates' } });
  });
});
