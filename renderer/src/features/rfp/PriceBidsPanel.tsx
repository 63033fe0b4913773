import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RfpEvaluation } from '@shared/rfp/evaluate';
import { mayEdit } from '@shared/rfp/phases';
import { setPriceBid } from '../../db/rfp';
import { describeError } from '../../errorMessage';
import { formatNumber } from '../../format';
import { userLocale } from '../../locale';
import { useEvaluatorCopyOf } from './EvaluatorFilePanel';
import { formatMoneyMinor } from './money';
import { draftCurrency, draftForBidder, draftFromParsed, needsExchangeRate, readPriceDraft } from './priceBidDraft';
import type { PriceDraft, PriceFieldError } from './priceBidDraft';
import type { RfpRecords } from './rfpRecords';
import { priceBidsMissing } from './priceBidsMissing';
import { useRfpWrite } from './useRfpWrite';

/**
 * Shows each bidder's price in its own currency and its total cost of ownership (TCO) over the
 * contract term in the base currency. The form enters a price bid: a one-time fee, a monthly
 * charge, the currency, and the exchange rate with its date.
 */
export function PriceBidsPanel({ records, evaluation }: { readonly records: RfpRecords; readonly evaluation: RfpEvaluation }) {
  const { t } = useTranslation();
  const write = useRfpWrite();
  const { event } = records;
  const base = event.baseCurrency;
  const today = new Date().toISOString().slice(0, 10);
  const [draft, setDraft] = useState<PriceDraft>(() => draftForBidder(records.priceBids, '', base));
  const [fieldErrors, setFieldErrors] = useState<readonly PriceFieldError[]>([]);
  const ownCopy = useEvaluatorCopyOf(records);
  const { model } = evaluation;
  const set = (field: keyof PriceDraft, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
  };
  const chooseBidder = (bidderId: string) => {
    setFieldErrors([]);
    setDraft(draftForBidder(records.priceBids, bidderId, base));
  };
  const foreign = needsExchangeRate(draft, base);

  const submit = async () => {
    const result = readPriceDraft(draft, base, today);
    setFieldErrors(result.ok ? [] : result.errors);
    if (!result.ok) return;
    const { bid } = result;

    const saved = await write.run(`Saving the price bid of bidder ${bid.bidderId}`, (db, context) =>
      setPriceBid(
        db,
        {
          rfpId: event.id,
          bidderId: bid.bidderId,
          round: bid.round,
          currency: bid.currency,
          oneTimeCharges: bid.oneTimeMinor === 0 ? [] : [{ label: t('rfp.setup.oneTimeName'), amountMinor: bid.oneTimeMinor }],
          recurringCharges:
            bid.monthlyMinor === 0 ? [] : [{ label: t('rfp.setup.recurringName'), amountMinor: bid.monthlyMinor, period: 'month' }],
          exchangeRateToBase: bid.exchangeRateToBase,
          exchangeRateDate: bid.exchangeRateDate,
          submittedOn: today,
        },
        context,
      ),
    );
    // Show the stored figures in the form's own notation rather than the text as typed.
    if (saved) setDraft(draftFromParsed(bid, base));
  };

  return (
    <section className="panel" aria-labelledby="prices-title">
      <h2 id="prices-title">{t('rfp.setup.pricesTitle')}</h2>
      {records.priceBids.length === 0 ? (
        <p className="muted" data-testid="prices-none">
          {t('rfp.setup.pricesNone')} {event.phase === 'draft' ? t('rfp.setup.pricesAfterIssue') : null}
          {priceBidsMissing(records) ? ` ${t('rfp.priceBidsMissing')}` : null}
        </p>
      ) : null}
      <ul className="rfp-list" data-testid="price-list">
        {model.bidders.map((bidder, b) => {
          const tco = model.tco[b] ?? null;
          const issue = model.tcoIssues[b] ?? null;
          if (tco === null && issue === null) return null;
          return (
            <li key={bidder.id}>
              <strong>{bidder.name}</strong>{' '}
              {tco === null ? null : (
                <>
                  {t('rfp.setup.tco', { months: event.termMonths, total: formatMoneyMinor(tco.baseTotalMinor, base, userLocale), base })}
                  <span className="muted">
                    {' '}
                    {t('rfp.setup.tcoCharges', {
                      oneTime: formatMoneyMinor(tco.oneTimeMinor, tco.currency, userLocale),
                      recurring: formatMoneyMinor(tco.recurringMinor, tco.currency, userLocale),
                      rate: formatNumber(tco.exchangeRateToBase, userLocale, 6),
                      date: tco.exchangeRateDate,
                    })}
                  </span>
                </>
              )}
              {issue === null ? null : (
                <span className="field-error">
                  {t('rfp.setup.tcoUnusable')} {describeError(t, issue.code, issue.detail)}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {mayEdit(event.phase, 'priceBids') && ownCopy === null ? (
        <form
          className="toolbar"
          noValidate
          onSubmit={(formEvent) => {
            formEvent.preventDefault();
            void submit();
          }}
        >
          <label>
            {t('rfp.setup.priceBidder')}
            <select
              value={draft.bidderId}
              onChange={(change) => {
                chooseBidder(change.target.value);
              }}
            >
              <option value="">{t('rfp.setup.chooseBidder')}</option>
              {records.bidders.map((bidder) => (
                <option key={bidder.id} value={bidder.id}>
                  {bidder.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('rfp.setup.priceRound', { round: '' })}
            <input
              type="text"
              inputMode="numeric"
              size={2}
              value={draft.round}
              onChange={(change) => {
                set('round', change.target.value);
              }}
            />
          </label>
          <label>
            {t('rfp.setup.priceCurrency')}
            <input
              type="text"
              size={4}
              value={draft.currency}
              onChange={(change) => {
                set('currency', change.target.value);
              }}
            />
          </label>
          <label>
            {t('rfp.setup.oneTimeLabel')}
            <input
              type="text"
              inputMode="decimal"
              size={10}
              value={draft.oneTime}
              onChange={(change) => {
                set('oneTime', change.target.value);
              }}
            />
          </label>
          <label>
            {t('rfp.setup.recurringLabel')}
            <input
              type="text"
              inputMode="decimal"
              size={10}
              value={draft.monthly}
              onChange={(change) => {
                set('monthly', change.target.value);
              }}
            />
          </label>
          {foreign ? (
            <>
              <label>
                {t('rfp.setup.rateLabel', { base })}
                <input
                  type="text"
                  inputMode="decimal"
                  size={8}
                  placeholder={t('rfp.setup.ratePlaceholder', { base, currency: draftCurrency(draft) })}
                  value={draft.rate}
                  onChange={(change) => {
                    set('rate', change.target.value);
                  }}
                />
              </label>
              <label>
                {t('rfp.setup.rateDateLabel')}
                <input
                  type="date"
                  value={draft.rateDate}
                  onChange={(change) => {
                    set('rateDate', change.target.value);
                  }}
                />
              </label>
            </>
          ) : (
            <span className="muted" data-testid="price-rate-fixed">
              {t('rfp.setup.rateSameCurrency', { base })}
            </span>
          )}
          <button type="submit" className="button" disabled={write.busy}>
            {t('rfp.setup.savePrice')}
          </button>
        </form>
      ) : null}
      {fieldErrors.length === 0 ? null : (
        <div className="alert error" role="alert" data-testid="price-errors">
          <p>{t('rfp.setup.priceInvalid')}</p>
          <ul>
            {fieldErrors.map((code) => (
              <li key={code}>{t(`rfp.setup.priceErrors.${code}`, { currency: draftCurrency(draft), base })}</li>
            ))}
          </ul>
        </div>
      )}
      {write.error === null ? null : (
        <p className="alert error" role="alert">
          {write.error}
        </p>
      )}
    </section>
  );
}
