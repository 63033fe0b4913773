/**
 * Report templates: saved report choices per portfolio, kept in the portfolio database's local
 * `meta` table. They stay on this computer, because the portfolio file and the merge read only the
 * version vector from `meta` (docs/reports.md gives the reasons).
 */
import { z } from 'zod';
import { reportSectionKeys } from '@shared/reports';
import type { PortfolioDb } from './portfolioDb';

/** Key of the templates' entry in `meta`. */
export const reportTemplatesKey = 'reportTemplates';

/** Maximum length of a template name, in characters. */
export const maxTemplateNameLength = 120;

const templateSchema = z.strictObject({
  name: z.string().trim().min(1).max(maxTemplateNameLength),
  scope: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('portfolio') }),
    z.strictObject({ kind: z.literal('providers'), providerIds: z.array(z.string()).min(1) }),
  ]),
  periodKind: z.enum(['month', 'quarter']),
  sections: z.array(z.enum(reportSectionKeys)).min(1),
  paper: z.enum(['A4', 'Letter']),
  orientation: z.enum(['portrait', 'landscape']),
  withoutCommercialTerms: z.boolean(),
});

/** Saved choices of the report builder, under a name unique in its portfolio (ignoring case). */
export type ReportTemplate = z.output<typeof templateSchema>;

const templatesSchema = z.array(templateSchema);

/** The `meta` entry that stores the templates; `value` is checked with `templatesSchema` on every read. */
interface ReportTemplatesEntry {
  readonly key: typeof reportTemplatesKey;
  readonly value: unknown;
}

/** The `meta` table typed for this entry, which `MetaEntry` (the version vector's type) does not describe. */
function templatesTable(db: PortfolioDb) {
  return db.table<ReportTemplatesEntry, string>('meta');
}

/**
 * Reads the portfolio's templates, sorted by name. Rejects with a `ZodError` when the stored
 * value is not a list of templates, for example one written by a newer app.
 */
export async function readReportTemplates(db: PortfolioDb): Promise<ReportTemplate[]> {
  const entry = await templatesTable(db).get(reportTemplatesKey);
  if (entry === undefined) return [];
  return templatesSchema.parse(entry.value).sort((a, b) => a.name.localeCompare(b.name));
}

/** Saves `template`, replacing the one with the same name (ignoring case), in one read-write transaction. */
export async function saveReportTemplate(db: PortfolioDb, template: ReportTemplate): Promise<void> {
  const checked = templateSchema.parse(template);
  await db.transaction('rw', db.meta, async () => {
    const others = (await readStored(db)).filter((entry) => entry.name.toLowerCase() !== checked.name.toLowerCase());
    await templatesTable(db).put({ key: reportTemplatesKey, value: [...others, checked] });
  });
}

/** Deletes the template named `name` (ignoring case); does nothing when there is none. */
export async function deleteReportTemplate(db: PortfolioDb, name: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const kept = (await readStored(db)).filter((entry) => entry.name.toLowerCase() !== name.toLowerCase());
    await templatesTable(db).put({ key: reportTemplatesKey, value: kept });
  });
}

/**
 * Renames the template named `from` to `to` (names compared ignoring case), keeping its choices.
 * Rejects when no template is named `from`, or when another template is already named `to`.
 */
export async function renameReportTemplate(db: PortfolioDb, from: string, to: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const stored = await readStored(db);
    const same = (entry: ReportTemplate, name: string) => entry.name.toLowerCase() === name.trim().toLowerCase();
    const renamed = stored.find((entry) => same(entry, from));
    if (renamed === undefined) throw new Error(`No report template is named "${from}".`);
    if (stored.some((entry) => entry !== renamed && same(entry, to))) throw new Error(`A report template is already named "${to.trim()}".`);
    const checked = templateSchema.parse({ ...renamed, name: to });
    await templatesTable(db).put({ key: reportTemplatesKey, value: stored.map((entry) => (entry === renamed ? checked : entry)) });
  });
}

/** Reads the stored templates for a write; an unreadable value is replaced rather than kept. */
async function readStored(db: PortfolioDb): Promise<ReportTemplate[]> {
  const entry = await templatesTable(db).get(reportTemplatesKey);
  const parsed = templatesSchema.safeParse(entry?.value ?? []);
  return parsed.success ? parsed.data : [];
}
