/**
 * Repository of RFP records: the writes and reads the RFP screens use. Each function checks its
 * input and the RFP's phase first and then writes in one transaction, through `insertRecord`,
 * `updateRecord` and `deleteRecord`, so every change (every score change included) gets field
 * clocks and an audit entry. A rejected call throws a coded `AppFailure` (`rfp.*`, or
 * `storage.notFound` for an unknown id) and writes nothing.
 *
 * Scores, consensus scores and price bids live in `rfpScores.ts` and the award in `rfpAward.ts`;
 * this module re-exports them, so screens import from here only.
 */
import type {
  Bidder,
  EvaluatorAssignment,
  PriceScoreMethod,
  RfpCriterion,
  RfpCriterionData,
  RfpCriterionKind,
  RfpEvent,
  RfpEventData,
  RfpPhase,
  RfpSection,
  RfpSectionData,
  ScoringScale,
} from '@shared/domain/rfp';
import type { CalendarDate, Id } from '@shared/domain/types';
import type { RfpInput } from '@shared/rfp/input';
import { isCurrencyCode } from '@shared/rfp/money';
import { compareText } from '@shared/rfp/order';
import { checkPhaseTransition } from '@shared/rfp/phases';
import { defaultScale, isValidScale } from '@shared/rfp/scale';
import { builtInTemplates, instantiateTemplate } from '@shared/rfp/templates';
import type { CriteriaTemplate } from '@shared/rfp/templates/types';
import { validateEvaluator } from '@shared/rfp/validation';
import type { DeviceContext } from './clockStore';
import type { PortfolioDb } from './portfolioDb';
import { deleteRecord, insertRecord, updateRecord } from './repository';
import type { RecordPatch } from './repository';
import type { RfpRecords } from './rfpSupport';
import {
  assertMayEdit,
  assertSameRfp,
  checkKeyDates,
  getOrFail,
  inRfpTransaction,
  readRfpRecords,
  requireText,
  rfpFailure,
  throwFirstError,
  todayOf,
} from './rfpSupport';

export { setScore, setConsensusScore, setPriceBid } from './rfpScores';
export type { ScoreEntry, ConsensusEntry, PriceBidEntry } from './rfpScores';
export { awardRfp } from './rfpAward';
export type { AwardResult } from './rfpAward';
export type { RfpRecords } from './rfpSupport';

/** Fields of a new RFP, as the "New RFP" form supplies them. Omitted description, scope and dates start empty. */
export interface NewRfpInput {
  readonly title: string;
  readonly description?: string;
  /** Processes to outsource; blank entries are dropped. */
  readonly scope?: readonly string[];
  readonly baseCurrency: string;
  readonly termMonths: number;
  readonly priceScoreMethod: PriceScoreMethod;
  readonly issuedOn?: CalendarDate | null;
  readonly questionsDueOn?: CalendarDate | null;
  readonly responseDueOn?: CalendarDate | null;
  readonly awardTargetOn?: CalendarDate | null;
  /** Criteria template to copy: the key of a built-in template, or a template object such as a user template. */
  readonly template: CriteriaTemplate | string;
  /** Returns the text of a template translation key in the user's language; the default keeps the English. */
  readonly translate?: (key: string, english: string) => string;
}

/** Fields of an event that `updateRfpEvent` may change; the phase and the award have their own functions. */
export type RfpEventPatch = Partial<
  Pick<
    RfpEventData,
    | 'title'
    | 'description'
    | 'scope'
    | 'baseCurrency'
    | 'termMonths'
    | 'priceScoreMethod'
    | 'issuedOn'
    | 'questionsDueOn'
    | 'responseDueOn'
    | 'awardTargetOn'
  >
>;

export interface NewSection {
  readonly title: string;
  readonly description?: string;
  readonly weight: number;
  /** Position among the RFP's sections; after the last one when omitted. */
  readonly order?: number;
}

export type SectionPatch = Partial<Pick<RfpSectionData, 'title' | 'description' | 'weight' | 'order'>>;

export interface NewCriterion {
  readonly rfpId: Id;
  readonly sectionId: Id;
  readonly title: string;
  readonly description?: string;
  readonly kind: RfpCriterionKind;
  /** Weight within the section; stored as 0 for a knockout. */
  readonly weight: number;
  /** Scale of a scored or price criterion; the default 0 to 5 scale when omitted. Knockouts have none. */
  readonly scale?: ScoringScale;
  readonly applicabilityNote?: string;
  /** Position within the section; after the last one when omitted. */
  readonly order?: number;
}

export type CriterionPatch = Partial<
  Pick<RfpCriterionData, 'sectionId' | 'title' | 'description' | 'kind' | 'weight' | 'scale' | 'applicabilityNote' | 'order'>
>;

/** A bidder that is already a provider in the portfolio, or a new prospect known by name. */
export type NewBidder = { readonly providerId: Id } | { readonly name: string };

export interface NewEvaluator {
  readonly evaluatorName: string;
  readonly role?: string;
  /** Sections the evaluator scores; `null` or omitted for every section. */
  readonly sectionIds?: readonly Id[] | null;
}

/** An evaluator's conflict-of-interest declaration: no conflict, or a conflict with the listed bidders. */
export interface ConflictDeclaration {
  readonly status: 'none' | 'declared';
  /** Bidders the evaluator has a conflict with; at least one for `declared`, ignored for `none`. */
  readonly bidderIds: readonly Id[];
  readonly statement: string;
}

/** Patch fields that change the structure of the criteria tree rather than its texts. */
const structuralSectionFields: readonly (keyof SectionPatch)[] = ['weight', 'order'];
const structuralCriterionFields: readonly (keyof CriterionPatch)[] = ['sectionId', 'kind', 'weight', 'scale', 'order'];

function assertValidWeight(weight: number): void {
  if (!Number.isFinite(weight) || weight < 0) throw rfpFailure('rfp.invalidWeight', { field: 'weight', value: String(weight) });
}

function assertValidTerm(termMonths: number): void {
  if (!Number.isSafeInteger(termMonths) || termMonths <= 0) {
    throw rfpFailure('rfp.invalidTerm', { field: 'termMonths', value: String(termMonths) });
  }
}

function assertCurrency(currency: string): void {
  if (!isCurrencyCode(currency)) throw rfpFailure('rfp.invalidCurrency', { field: 'baseCurrency', value: currency });
}

function cleanScope(scope: readonly string[]): string[] {
  return scope.map((name) => name.trim()).filter((name) => name !== '');
}

function findTemplate(template: CriteriaTemplate | string): CriteriaTemplate {
  if (typeof template !== 'string') return template;
  const found = builtInTemplates.find((candidate) => candidate.key === template);
  if (found === undefined) throw rfpFailure('rfp.unknownTemplate', { template });
  return found;
}

function nextOrder(records: readonly { readonly order: number }[]): number {
  return records.reduce((highest, record) => Math.max(highest, record.order), 0) + 1;
}

/**
 * Creates an RFP in phase `draft` with the sections and criteria of a template, in one
 * transaction. Rejects with `rfp.textMissing` (title), `rfp.invalidCurrency`, `rfp.invalidTerm`,
 * `rfp.invalidDate`, `rfp.datesOutOfOrder` or `rfp.unknownTemplate` before writing anything.
 */
export async function createRfpFromTemplate(db: PortfolioDb, input: NewRfpInput, context: DeviceContext): Promise<RfpEvent> {
  const title = requireText(input.title, 'title');
  assertCurrency(input.baseCurrency);
  assertValidTerm(input.termMonths);
  const dates = {
    issuedOn: input.issuedOn ?? null,
    questionsDueOn: input.questionsDueOn ?? null,
    responseDueOn: input.responseDueOn ?? null,
    awardTargetOn: input.awardTargetOn ?? null,
  };
  checkKeyDates(dates);
  const template = findTemplate(input.template);

  return await inRfpTransaction(db, { table: 'rfpEvents' }, async () => {
    const event = await insertRecord(
      db,
      'rfpEvents',
      {
        title,
        description: input.description?.trim() ?? '',
        scope: cleanScope(input.scope ?? []),
        phase: 'draft',
        baseCurrency: input.baseCurrency,
        termMonths: input.termMonths,
        priceScoreMethod: input.priceScoreMethod,
        ...dates,
        awardedBidderId: null,
        awardReason: '',
        awardedContractId: null,
      },
      context,
    );

    // The template copy numbers its records; the stored ids come from `insertRecord`.
    let placeholder = 0;
    const tree = instantiateTemplate(template, {
      rfpId: event.id,
      newId: () => `template-${String((placeholder += 1))}`,
      ...(input.translate === undefined ? {} : { translate: input.translate }),
    });
    const sectionIds = new Map<Id, Id>();
    for (const { id, ...section } of tree.sections) {
      const stored = await insertRecord(db, 'rfpSections', section, context);
      sectionIds.set(id, stored.id);
    }
    for (const criterion of tree.criteria) {
      const { rfpId, templateKey, title, description, kind, weight, scale, applicabilityNote, order } = criterion;
      const sectionId = sectionIds.get(criterion.sectionId) ?? criterion.sectionId;
      const data = { rfpId, sectionId, templateKey, title, description, kind, weight, scale, applicabilityNote, order };
      await insertRecord(db, 'rfpCriteria', data, context);
    }
    return event;
  });
}

/**
 * Changes the event's own fields. Rejects with `rfp.phaseLocked` once the RFP is awarded or
 * cancelled, and with the checks of `createRfpFromTemplate` on the changed values.
 */
export async function updateRfpEvent(db: PortfolioDb, rfpId: Id, patch: RfpEventPatch, context: DeviceContext): Promise<RfpEvent> {
  return await inRfpTransaction(db, { table: 'rfpEvents', id: rfpId }, async () => {
    const event = await getOrFail(db, 'rfpEvents', rfpId);
    assertMayEdit(event, 'event');

    const changes: { -readonly [K in keyof RfpEventPatch]: RfpEventPatch[K] } = { ...patch };
    if (patch.title !== undefined) changes.title = requireText(patch.title, 'title');
    if (patch.description !== undefined) changes.description = patch.description.trim();
    if (patch.scope !== undefined) changes.scope = cleanScope(patch.scope);
    if (patch.baseCurrency !== undefined) assertCurrency(patch.baseCurrency);
    if (patch.termMonths !== undefined) assertValidTerm(patch.termMonths);
    checkKeyDates({ ...event, ...changes });
    return updateRecord(db, 'rfpEvents', rfpId, changes, context);
  });
}

/**
 * Moves the RFP to `phase` when `checkPhaseTransition` allows it, and rejects with the code of
 * its first error otherwise. Opening an RFP without an issue date sets it to today (UTC). The
 * move to `awarded` needs the winner and reason that only `awardRfp` records, so use that.
 */
export async function setRfpPhase(db: PortfolioDb, rfpId: Id, phase: RfpPhase, context: DeviceContext): Promise<RfpEvent> {
  return await inRfpTransaction(db, { table: 'rfpEvents', id: rfpId }, async () => {
    const records = await readRfpRecords(db, rfpId);
    throwFirstError(checkPhaseTransition(records, phase));

    const patch: RecordPatch<'rfpEvents'> =
      phase === 'open' && records.event.issuedOn === null ? { phase, issuedOn: todayOf(context) } : { phase };
    return updateRecord(db, 'rfpEvents', rfpId, patch, context);
  });
}

/** Adds a section to the criteria tree. Only in `draft`; rejects a blank title or an invalid weight. */
export async function addSection(db: PortfolioDb, rfpId: Id, section: NewSection, context: DeviceContext): Promise<RfpSection> {
  const title = requireText(section.title, 'title');
  assertValidWeight(section.weight);
  return await inRfpTransaction(db, { table: 'rfpSections' }, async () => {
    const event = await getOrFail(db, 'rfpEvents', rfpId);
    assertMayEdit(event, 'criteriaTree');
    const existing = await db.rfpSections.where('rfpId').equals(rfpId).toArray();
    const data: RfpSectionData = {
      rfpId,
      templateKey: null,
      title,
      description: section.description?.trim() ?? '',
      weight: section.weight,
      order: section.order ?? nextOrder(existing),
    };
    return insertRecord(db, 'rfpSections', data, context);
  });
}

/**
 * Changes a section. Texts may change until the award or cancellation; weight and order only in
 * `draft` (`rfp.phaseLocked` otherwise).
 */
export async function updateSection(db: PortfolioDb, sectionId: Id, patch: SectionPatch, context: DeviceContext): Promise<RfpSection> {
  return await inRfpTransaction(db, { table: 'rfpSections', id: sectionId }, async () => {
    const section = await getOrFail(db, 'rfpSections', sectionId);
    const event = await getOrFail(db, 'rfpEvents', section.rfpId);
    const structural = structuralSectionFields.some((field) => patch[field] !== undefined);
    assertMayEdit(event, structural ? 'criteriaTree' : 'criteriaText');

    const changes: { -readonly [K in keyof SectionPatch]: SectionPatch[K] } = { ...patch };
    if (patch.title !== undefined) changes.title = requireText(patch.title, 'title');
    if (patch.weight !== undefined) assertValidWeight(patch.weight);
    return updateRecord(db, 'rfpSections', sectionId, changes, context);
  });
}

/** Deletes a section with its criteria and their scores and consensus scores. Only in `draft`. */
export async function removeSection(db: PortfolioDb, sectionId: Id, context: DeviceContext): Promise<void> {
  await inRfpTransaction(db, { table: 'rfpSections', id: sectionId }, async () => {
    const section = await getOrFail(db, 'rfpSections', sectionId);
    const event = await getOrFail(db, 'rfpEvents', section.rfpId);
    assertMayEdit(event, 'criteriaTree');

    const criteria = await db.rfpCriteria.where('sectionId').equals(sectionId).toArray();
    for (const criterion of criteria) await deleteCriterionWithScores(db, criterion.id, context);
    await deleteRecord(db, 'rfpSections', sectionId, context);
  });
}

async function deleteCriterionWithScores(db: PortfolioDb, criterionId: Id, context: DeviceContext): Promise<void> {
  const scores = await db.rfpScores.where('criterionId').equals(criterionId).primaryKeys();
  const consensusScores = await db.rfpConsensusScores.where('criterionId').equals(criterionId).primaryKeys();
  for (const id of scores) await deleteRecord(db, 'rfpScores', id, context);
  for (const id of consensusScores) await deleteRecord(db, 'rfpConsensusScores', id, context);
  await deleteRecord(db, 'rfpCriteria', criterionId, context);
}

/** Returns the kind, weight and scale a criterion stores: knockouts have weight 0 and no scale. */
function criterionShape(
  kind: RfpCriterionKind,
  weight: number,
  scale: ScoringScale | null | undefined,
): Pick<RfpCriterionData, 'kind' | 'weight' | 'scale'> {
  if (kind === 'knockout') return { kind, weight: 0, scale: null };
  assertValidWeight(weight);
  const chosen = scale ?? defaultScale;
  if (!isValidScale(chosen)) {
    throw rfpFailure('rfp.invalidScale', { field: 'scale', levels: chosen.levels.map((level) => level.value).join(', ') });
  }
  return { kind, weight, scale: chosen };
}

/** Throws `rfp.multiplePriceCriteria` when the RFP already has a price criterion other than `exceptId`. */
async function assertSinglePriceCriterion(db: PortfolioDb, rfpId: Id, exceptId: Id | null): Promise<void> {
  const criteria = await db.rfpCriteria.where('rfpId').equals(rfpId).toArray();
  const other = criteria.find((criterion) => criterion.kind === 'price' && criterion.id !== exceptId);
  if (other !== undefined) throw rfpFailure('rfp.multiplePriceCriteria', { field: 'kind', recordId: other.id });
}

/**
 * Adds a criterion to a section of the same RFP. Only in `draft`. Rejects a blank title, an
 * invalid weight or scale, a second price criterion, and a section of another RFP (`rfp.wrongRfp`).
 */
export async function addCriterion(db: PortfolioDb, criterion: NewCriterion, context: DeviceContext): Promise<RfpCriterion> {
  const title = requireText(criterion.title, 'title');
  const shape = criterionShape(criterion.kind, criterion.weight, criterion.scale);
  return await inRfpTransaction(db, { table: 'rfpCriteria' }, async () => {
    const event = await getOrFail(db, 'rfpEvents', criterion.rfpId);
    assertMayEdit(event, 'criteriaTree');
    const section = await getOrFail(db, 'rfpSections', criterion.sectionId);
    assertSameRfp(section, 'rfpSections', criterion.rfpId);
    if (shape.kind === 'price') await assertSinglePriceCriterion(db, criterion.rfpId, null);

    const siblings = await db.rfpCriteria.where('sectionId').equals(criterion.sectionId).toArray();
    const data: RfpCriterionData = {
      rfpId: criterion.rfpId,
      sectionId: criterion.sectionId,
      templateKey: null,
      title,
      description: criterion.description?.trim() ?? '',
      ...shape,
      applicabilityNote: criterion.applicabilityNote?.trim() ?? '',
      order: criterion.order ?? nextOrder(siblings),
    };
    return insertRecord(db, 'rfpCriteria', data, context);
  });
}

/**
 * Changes a criterion. Texts may change until the award or cancellation; section, kind, weight,
 * scale and order only in `draft`. A change to `knockout` drops the weight and scale; a change
 * from `knockout` without a scale gets the default scale.
 */
export async function updateCriterion(
  db: PortfolioDb,
  criterionId: Id,
  patch: CriterionPatch,
  context: DeviceContext,
): Promise<RfpCriterion> {
  return await inRfpTransaction(db, { table: 'rfpCriteria', id: criterionId }, async () => {
    const criterion = await getOrFail(db, 'rfpCriteria', criterionId);
    const event = await getOrFail(db, 'rfpEvents', criterion.rfpId);
    const structural = structuralCriterionFields.some((field) => patch[field] !== undefined);
    assertMayEdit(event, structural ? 'criteriaTree' : 'criteriaText');

    const changes: { -readonly [K in keyof CriterionPatch]: CriterionPatch[K] } = { ...patch };
    if (patch.title !== undefined) changes.title = requireText(patch.title, 'title');
    if (structural) {
      const kind = patch.kind ?? criterion.kind;
      // A knockout has no scale to keep, so a change from knockout without a scale gets the default one.
      let scale = criterion.kind === 'knockout' ? null : criterion.scale;
      if (patch.scale !== undefined) scale = patch.scale;
      Object.assign(changes, criterionShape(kind, patch.weight ?? criterion.weight, scale));
      if (kind === 'price') await assertSinglePriceCriterion(db, criterion.rfpId, criterion.id);
    }
    if (patch.sectionId !== undefined) {
      const section = await getOrFail(db, 'rfpSections', patch.sectionId);
      assertSameRfp(section, 'rfpSections', criterion.rfpId);
    }
    return updateRecord(db, 'rfpCriteria', criterionId, changes, context);
  });
}

/** Deletes a criterion with its scores and consensus scores. Only in `draft`. */
export async function removeCriterion(db: PortfolioDb, criterionId: Id, context: DeviceContext): Promise<void> {
  await inRfpTransaction(db, { table: 'rfpCriteria', id: criterionId }, async () => {
    const criterion = await getOrFail(db, 'rfpCriteria', criterionId);
    const event = await getOrFail(db, 'rfpEvents', criterion.rfpId);
    assertMayEdit(event, 'criteriaTree');
    await deleteCriterionWithScores(db, criterionId, context);
  });
}

const sameName = (a: string, b: string): boolean => a.trim().toLocaleLowerCase('en') === b.trim().toLocaleLowerCase('en');

/**
 * Adds a bidder in `draft` or `open`: an existing provider (named as the provider is) or a new
 * prospect by name. Rejects with `storage.notFound` for an unknown provider, `rfp.textMissing`
 * for a blank name, and `rfp.duplicateBidder` when the provider or the name already bids.
 */
export async function addBidder(db: PortfolioDb, rfpId: Id, bidder: NewBidder, context: DeviceContext): Promise<Bidder> {
  return await inRfpTransaction(db, { table: 'rfpBidders' }, async () => {
    const event = await getOrFail(db, 'rfpEvents', rfpId);
    assertMayEdit(event, 'bidders');
    const existing = await db.rfpBidders.where('rfpId').equals(rfpId).toArray();

    let name: string;
    let providerId: Id | null = null;
    if ('providerId' in bidder) {
      const provider = await getOrFail(db, 'providers', bidder.providerId);
      providerId = provider.id;
      name = provider.name;
    } else {
      name = requireText(bidder.name, 'name');
    }
    const duplicate = existing.find((other) => (providerId !== null && other.providerId === providerId) || sameName(other.name, name));
    if (duplicate !== undefined) throw rfpFailure('rfp.duplicateBidder', { name, recordId: duplicate.id });

    return insertRecord(db, 'rfpBidders', { rfpId, name, providerId }, context);
  });
}

/**
 * Deletes a bidder in `draft` or `open`, with its scores, consensus scores and price bids, and
 * takes it out of evaluators' conflict declarations.
 */
export async function removeBidder(db: PortfolioDb, bidderId: Id, context: DeviceContext): Promise<void> {
  await inRfpTransaction(db, { table: 'rfpBidders', id: bidderId }, async () => {
    const bidder = await getOrFail(db, 'rfpBidders', bidderId);
    const event = await getOrFail(db, 'rfpEvents', bidder.rfpId);
    assertMayEdit(event, 'bidders');

    const records = await readRfpRecords(db, bidder.rfpId);
    for (const score of records.scores.filter((entry) => entry.bidderId === bidderId)) {
      await deleteRecord(db, 'rfpScores', score.id, context);
    }
    for (const consensus of records.consensusScores.filter((entry) => entry.bidderId === bidderId)) {
      await deleteRecord(db, 'rfpConsensusScores', consensus.id, context);
    }
    for (const bid of records.priceBids.filter((entry) => entry.bidderId === bidderId)) {
      await deleteRecord(db, 'rfpPriceBids', bid.id, context);
    }
    for (const evaluator of records.evaluators.filter((entry) => entry.conflictBidderIds.includes(bidderId))) {
      const conflictBidderIds = evaluator.conflictBidderIds.filter((id) => id !== bidderId);
      await updateRecord(db, 'rfpEvaluators', evaluator.id, { conflictBidderIds }, context);
    }
    await deleteRecord(db, 'rfpBidders', bidderId, context);
  });
}

/**
 * Adds an evaluator with a pending conflict-of-interest declaration, in `draft`, `open` or
 * `scoring`. Rejects a blank name and sections of another RFP (`rfp.wrongRfp`).
 */
export async function addEvaluator(
  db: PortfolioDb,
  rfpId: Id,
  evaluator: NewEvaluator,
  context: DeviceContext,
): Promise<EvaluatorAssignment> {
  const evaluatorName = requireText(evaluator.evaluatorName, 'evaluatorName');
  return await inRfpTransaction(db, { table: 'rfpEvaluators' }, async () => {
    const event = await getOrFail(db, 'rfpEvents', rfpId);
    assertMayEdit(event, 'evaluators');
    const sectionIds = evaluator.sectionIds ?? null;
    for (const sectionId of sectionIds ?? []) {
      assertSameRfp(await getOrFail(db, 'rfpSections', sectionId), 'rfpSections', rfpId);
    }
    return insertRecord(
      db,
      'rfpEvaluators',
      {
        rfpId,
        evaluatorName,
        role: evaluator.role?.trim() ?? '',
        sectionIds: sectionIds === null ? null : [...new Set(sectionIds)],
        conflictStatus: 'pending',
        conflictBidderIds: [],
        conflictStatement: '',
        conflictDeclaredOn: null,
      },
      context,
    );
  });
}

/**
 * Records an evaluator's conflict-of-interest declaration, dated today (UTC), in `draft`, `open`
 * or `scoring`. A declared conflict names bidders of the same RFP and has a statement
 * (`rfp.conflictBiddersMissing`, `rfp.conflictStatementMissing`); `none` names no bidders.
 */
export async function declareConflict(
  db: PortfolioDb,
  evaluatorId: Id,
  declaration: ConflictDeclaration,
  context: DeviceContext,
): Promise<EvaluatorAssignment> {
  return await inRfpTransaction(db, { table: 'rfpEvaluators', id: evaluatorId }, async () => {
    const evaluator = await getOrFail(db, 'rfpEvaluators', evaluatorId);
    const event = await getOrFail(db, 'rfpEvents', evaluator.rfpId);
    assertMayEdit(event, 'conflictDeclaration');

    const conflictBidderIds = declaration.status === 'none' ? [] : [...new Set(declaration.bidderIds)];
    for (const bidderId of conflictBidderIds) {
      assertSameRfp(await getOrFail(db, 'rfpBidders', bidderId), 'rfpBidders', evaluator.rfpId);
    }
    const conflictStatement = declaration.statement.trim();
    throwFirstError(validateEvaluator({ ...evaluator, conflictStatus: declaration.status, conflictBidderIds, conflictStatement }));

    const patch: RecordPatch<'rfpEvaluators'> = {
      conflictStatus: declaration.status,
      conflictBidderIds,
      conflictStatement,
      conflictDeclaredOn: todayOf(context),
    };
    return updateRecord(db, 'rfpEvaluators', evaluatorId, patch, context);
  });
}

/** Returns every stored record of one RFP, read in one transaction. Rejects with `storage.notFound` for an unknown id. */
export async function loadRfpRecords(db: PortfolioDb, rfpId: Id): Promise<RfpRecords> {
  const tables = [db.rfpEvents, db.rfpSections, db.rfpCriteria, db.rfpBidders, db.rfpEvaluators, db.rfpScores];
  return await db.transaction('r', [...tables, db.rfpConsensusScores, db.rfpPriceBids], () => readRfpRecords(db, rfpId));
}

/** Returns one RFP as the scoring engine's input. Rejects with `storage.notFound` for an unknown id. */
export async function loadRfpInput(db: PortfolioDb, rfpId: Id): Promise<RfpInput> {
  const records = await loadRfpRecords(db, rfpId);
  return records;
}

/** Returns every RFP event, by title, then id. */
export async function listRfps(db: PortfolioDb): Promise<RfpEvent[]> {
  const events = await db.rfpEvents.toArray();
  return events.sort((a, b) => a.title.localeCompare(b.title) || compareText(a.id, b.id));
}
