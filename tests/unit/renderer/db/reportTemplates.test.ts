import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteReportTemplate, readReportTemplates, renameReportTemplate, reportTemplatesKey, saveReportTemplate } from '../../../../renderer/src/db/reportTemplates';
import type { ReportTemplate } from '../../../../renderer/src/db/reportTemplates';
import type { PortfolioDb } from '../../../../renderer/src/db/portfolioDb';
import { readVersionVector } from '../../../../renderer/src/db/versionVector';
import { openTestDb } from './factories';

const opened: PortfolioDb[] = [];

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function database(): Promise<PortfolioDb> {
  const db = await openTestDb();
  opened.push(db);
  return db;
}

const quarterly: ReportTemplate = {
  name: 'Quarterly board',
  scope: { kind: 'portfolio' },
  periodKind: 'quarter',
  sections: ['summary', 'credits'],
  paper: 'Letter',
  orientation: 'landscape',
  withoutCommercialTerms: false,
};

describe('report templates', () => {
  it('reads none at first', async () => {
    expect(await readReportTemplates(await database())).toEqual([]);
  });

  it('reads a saved template back', async () => {
    const db = await database();
    await saveReportTemplate(db, quarterly);
    expect(await readReportTemplates(db)).toEqual([quarterly]);
  });

  it('replaces a template of the same name', async () => {
    const db = await database();
    await saveReportTemplate(db, quarterly);
    await saveReportTemplate(db, { ...quarterly, name: 'QUARTERLY BOARD', paper: 'A4' });
    expect(await readReportTemplates(db)).toEqual([{ ...quarterly, name: 'QUARTERLY BOARD', paper: 'A4' }]);
  });

  it('sorts templates by name', async () => {
    const db = await database();
    await saveReportTemplate(db, { ...quarterly, name: 'Monthly' });
    await saveReportTemplate(db, quarterly);
    expect((await readReportTemplates(db)).map((template) => template.name)).toEqual(['Monthly', 'Quarterly board']);
  });

  it('deletes a template', async () => {
    const db = await database();
    await saveReportTemplate(db, quarterly);
    await deleteReportTemplate(db, 'quarterly board');
    expect(await readReportTemplates(db)).toEqual([]);
  });

  it('rejects a template without a name', async () => {
    const db = await database();
    await expect(saveReportTemplate(db, { ...quarterly, name: '  ' })).rejects.toThrow();
    expect(await readReportTemplates(db)).toEqual([]);
  });

  it('rejects a stored value of another shape', async () => {
    const db = await database();
    await db.table('meta').put({ key: reportTemplatesKey, value: [{ name: 'x' }] });
    await expect(readReportTemplates(db)).rejects.toThrow();
  });

  it('leaves the version vector alone', async () => {
    const db = await database();
    await saveReportTemplate(db, quarterly);
    expect(await readVersionVector(db)).toEqual({});
  });
});

describe('renameReportTemplate', () => {
  it('keeps the choices under the new name', async () => {
    const db = await database();
    await saveReportTemplate(db, quarterly);
    await renameReportTemplate(db, 'quarterly BOARD', '  Board pack ');
    expect(await readReportTemplates(db)).toEqual([{ ...quarterly, name: 'Board pack' }]);
  });

  it('changes only the case of a name', async () => {
    const db = await database();
    await saveReportTemplate(db, quarterly);
    await renameReportTemplate(db, 'Quarterly board', 'Quarterly Board');
    expect((await readReportTemplates(db)).map((template) => template.name)).toEqual(['Quarterly Board']);
  });

  it('rejects a name another template has', async () => {
    const db = await database();
    await saveReportTemplate(db, quarterly);
    await saveReportTemplate(db, { ...quarterly, name: 'Monthly' });
    await expect(renameReportTemplate(db, 'Monthly', 'quarterly board')).rejects.toThrow('A report template is already named "quarterly board".');
    expect((await readReportTemplates(db)).map((template) => template.name)).toEqual(['Monthly', 'Quarterly board']);
  });

  it('rejects a missing template', async () => {
    const db = await database();
    await expect(renameReportTemplate(db, 'Nothing', 'Something')).rejects.toThrow('No report template is named "Nothing".');
  });
});
