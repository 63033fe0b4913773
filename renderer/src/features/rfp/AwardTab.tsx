import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RfpEvaluation } from '@shared/rfp/evaluate';
import { awardRfp } from '../../db/rfp';
import { checkAward, defaultAwardBidder } from './award';
import type { AwardProblem } from './award';
import { AwardedSummary } from './AwardedSummary';
import type { RfpRecords } from './rfpRecords';
import { useRfpWrite } from './useRfpWrite';

/** Award form (winner defaults to the top-ranked bidder in the running) and, once awarded, the summary of the award and its draft contract. */
export function AwardTab({ records, evaluation }: { readonly records: RfpRecords; readonly evaluation: RfpEvaluation }) {
  const { t } = useTranslation();
  const { event } = records;
  if (event.phase === 'awarded') return <AwardedSummary records={records} />;
  if (event.phase === 'cancelled') return <p className="muted">{t('rfp.award.cancelled')}</p>;
  if (event.phase !== 'consensus') return <p className="muted">{t('rfp.award.notReady')}</p>;
  return <AwardForm records={records} evaluation={evaluation} />;
}

function AwardForm({ records, evaluation }: { readonly records: RfpRecords; readonly evaluation: RfpEvaluation }) {
  const { t } = useTranslation();
  const write = useRfpWrite();
  const { results } = evaluation;
  const [bidderId, setBidderId] = useState<string>(defaultAwardBidder(results) ?? '');
  const [rationale, setRationale] = useState('');
  const [problems, setProblems] = useState<readonly AwardProblem[]>([]);
  // The award is final, so a valid form needs confirmation before it is saved.
  const [confirming, setConfirming] = useState(false);
  const names = new Map(records.bidders.map((bidder) => [bidder.id, bidder.name]));

  const submit = () => {
    const found = checkAward(results, bidderId === '' ? null : bidderId, rationale);
    setProblems(found);
    if (found.length > 0) return;
    setConfirming(true);
  };

  const award = () => {
    setConfirming(false);
    void write.run(`Awarding RFP ${records.event.id} to bidder ${bidderId}`, (db, context) =>
      awardRfp(db, records.event.id, bidderId, rationale, context),
    );
  };

  return (
    <form
      className="panel"
      aria-labelledby="award-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h2 id="award-title">{t('rfp.award.title')}</h2>
      <fieldset disabled={write.busy} className="form-grid">
        <label>
          {t('rfp.award.winnerLabel')}
          <select
            value={bidderId}
            onChange={(event) => {
              setBidderId(event.target.value);
              setConfirming(false);
            }}
          >
            <option value="">{t('rfp.setup.chooseProvider')}</option>
            {results.ranking.map((result) => (
              <option key={result.bidderId} value={result.bidderId} disabled={result.knockedOut}>
                {result.rank}. {names.get(result.bidderId) ?? result.bidderId}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('rfp.award.rationaleLabel')}
          <textarea
            rows={3}
            value={rationale}
            onChange={(event) => {
              setRationale(event.target.value);
            }}
          />
        </label>
      </fieldset>
      {problems.map((problem) => (
        <p key={problem} className="alert error" role="alert">
          {t(`rfp.award.${problem}`)}
        </p>
      ))}
      {write.error === null ? null : (
        <p className="alert error" role="alert">
          {write.error}
        </p>
      )}
      {confirming ? (
        <span role="group" aria-label={t('rfp.award.confirm', { bidder: names.get(bidderId) ?? bidderId })} className="toolbar">
          <span>{t('rfp.award.confirm', { bidder: names.get(bidderId) ?? bidderId })}</span>
          <button type="button" className="button" autoFocus disabled={write.busy} onClick={award}>
            {t('rfp.award.submit')}
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setConfirming(false);
            }}
          >
            {t('rfp.confirmMove.keep')}
          </button>
        </span>
      ) : (
        <button type="submit" className="button" disabled={write.busy}>
          {t('rfp.award.submit')}
        </button>
      )}
    </form>
  );
}
