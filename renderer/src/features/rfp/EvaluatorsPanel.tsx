import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Id } from '@shared/domain/types';
import { mayEdit } from '@shared/rfp/phases';
import { addEvaluator, declareConflict } from '../../db/rfp';
import { EvaluatorFileButton, EvaluatorFilePanel, EvaluatorFilesFinalNote, useEvaluatorCopyOf } from './EvaluatorFilePanel';
import type { EvaluatorRecord, RfpRecords } from './rfpRecords';
import { useRfpWrite } from './useRfpWrite';

/**
 * Lists the evaluation panel and adds evaluators. Each evaluator declares conflicts of interest first: until the
 * declaration is recorded, the matrix does not let them score. Each evaluator gets an "Evaluator file" button
 * for scoring on their own laptop, and on such a laptop's copy "Export my scores" takes its place.
 */
export function EvaluatorsPanel({ records }: { readonly records: RfpRecords }) {
  const { t } = useTranslation();
  const write = useRfpWrite();
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const rfpId = records.event.id;
  const mayAdd = mayEdit(records.event.phase, 'evaluators');
  const mayDeclare = mayEdit(records.event.phase, 'conflictDeclaration');
  const ownCopy = useEvaluatorCopyOf(records);

  return (
    <>
      {ownCopy === null ? null : <EvaluatorFilePanel records={records} evaluator={ownCopy} />}
      <section className="panel" aria-labelledby="evaluators-title">
        <h2 id="evaluators-title">{t('rfp.setup.evaluatorsTitle')}</h2>
        {records.evaluators.length === 0 ? <p className="muted">{t('rfp.setup.evaluatorsNone')}</p> : null}
        {ownCopy === null && records.evaluators.length > 0 ? <EvaluatorFilesFinalNote records={records} /> : null}
        <ul className="rfp-list" data-testid="evaluator-list">
          {records.evaluators.map((evaluator) => (
            <li key={evaluator.id}>
              <strong>{evaluator.evaluatorName}</strong> {evaluator.role === '' ? null : <span className="muted">{evaluator.role}</span>}
              <p className={evaluator.conflictStatus === 'pending' ? 'alert warning' : 'muted'}>{declarationText(t, evaluator, records)}</p>
              {evaluator.conflictStatus === 'pending' && mayDeclare ? <DeclarationForm evaluator={evaluator} records={records} /> : null}
              {ownCopy === null ? <EvaluatorFileButton records={records} evaluatorId={evaluator.id} /> : null}
            </li>
          ))}
        </ul>
        {mayAdd ? (
          <form
            className="toolbar"
            onSubmit={(event) => {
              event.preventDefault();
              const evaluatorName = name.trim();
              if (evaluatorName === '') return;
              void write
                .run(`Adding evaluator "${evaluatorName}"`, (db, context) =>
                  addEvaluator(db, rfpId, { evaluatorName, role: role.trim() }, context),
                )
                .then((ok) => {
                  if (!ok) return;
                  setName('');
                  setRole('');
                });
            }}
          >
            <label>
              {t('rfp.setup.evaluatorName')}
              <input
                type="text"
                value={name}
                onChange={(event) => {
                  setName(event.target.value);
                }}
              />
            </label>
            <label>
              {t('rfp.setup.evaluatorRole')}
              <input
                type="text"
                value={role}
                onChange={(event) => {
                  setRole(event.target.value);
                }}
              />
            </label>
            <button type="submit" className="button" disabled={write.busy || name.trim() === ''}>
              {t('rfp.setup.addEvaluator')}
            </button>
          </form>
        ) : null}
        {write.error === null ? null : (
          <p className="alert error" role="alert">
            {write.error}
          </p>
        )}
      </section>
    </>
  );
}

function declarationText(t: TFunction, evaluator: EvaluatorRecord, records: RfpRecords): string {
  const date = evaluator.conflictDeclaredOn ?? '';
  if (evaluator.conflictStatus === 'pending') return t('rfp.setup.conflictPending');
  if (evaluator.conflictStatus === 'none') return t('rfp.setup.conflictNone', { date });
  const names = records.bidders.filter((bidder) => evaluator.conflictBidderIds.includes(bidder.id)).map((bidder) => bidder.name);
  return t('rfp.setup.conflictDeclared', { bidders: names.join(', '), date });
}

function DeclarationForm({ evaluator, records }: { readonly evaluator: EvaluatorRecord; readonly records: RfpRecords }) {
  const { t } = useTranslation();
  const write = useRfpWrite();
  const [status, setStatus] = useState<'none' | 'declared'>('none');
  const [bidderIds, setBidderIds] = useState<readonly Id[]>([]);
  const [statement, setStatement] = useState('');

  return (
    <form
      className="declaration"
      aria-label={t('rfp.setup.declareTitle', { name: evaluator.evaluatorName })}
      onSubmit={(event) => {
        event.preventDefault();
        void write.run(`Recording the conflict declaration of evaluator ${evaluator.id}`, (db, context) =>
          declareConflict(db, evaluator.id, { status, bidderIds: status === 'none' ? [] : bidderIds, statement }, context),
        );
      }}
    >
      <fieldset disabled={write.busy}>
        <legend>{t('rfp.setup.declareTitle', { name: evaluator.evaluatorName })}</legend>
        <label>
          <input
            type="radio"
            name={`conflict-${evaluator.id}`}
            checked={status === 'none'}
            onChange={() => {
              setStatus('none');
            }}
          />
          {t('rfp.setup.declareNone')}
        </label>
        <label>
          <input
            type="radio"
            name={`conflict-${evaluator.id}`}
            checked={status === 'declared'}
            onChange={() => {
              setStatus('declared');
            }}
          />
          {t('rfp.setup.declareConflict')}
        </label>
        {status === 'declared'
          ? records.bidders.map((bidder) => (
              <label key={bidder.id} className="indent">
                <input
                  type="checkbox"
                  checked={bidderIds.includes(bidder.id)}
                  onChange={(event) => {
                    setBidderIds((current) => (event.target.checked ? [...current, bidder.id] : current.filter((id) => id !== bidder.id)));
                  }}
                />
                {bidder.name}
              </label>
            ))
          : null}
        <label>
          {t('rfp.setup.statementLabel')}
          <input
            type="text"
            size={40}
            value={statement}
            onChange={(event) => {
              setStatement(event.target.value);
            }}
          />
        </label>
        <button type="submit" className="button">
          {t('rfp.setup.declare')}
        </button>
      </fieldset>
      {write.error === null ? null : (
        <p className="alert error" role="alert">
          {write.error}
        </p>
      )}
    </form>
  );
}
