import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RfpEvaluation } from '@shared/rfp/evaluate';
import { mayEdit } from '@shared/rfp/phases';
import { setPriceBid } from '../../db/rfp';
import { describeError } from '../../errorMessage';
import { formatNumber } from '../../format';
import { userLocale } from '../../locale';
import { useEvaluatorCopyOf } from './EvaluatorFilePanel';
import { formatMoneyMinor, parseExchangeRate, parseMajorAmount } from './money';
import type { RfpRecords } from './rfpRecords';
import { useRfpWrite } from './useRfpWrite';

interface PriceDraft {
  readonly bidderId: string;
  readonly round: string;
  readonly currency: string;
  readonly oneTime: string;
  readonly monthly: string;
  readonly rate: string;
  readonly rateDate: string;
}

/** One wrong field of the price-bid form, as the i18n key of its message under `rfp.setup.priceErrors`. */
type PriceFieldError = 'bidderMissing' | 'roundInvalid' | 'oneTimeNotNumber' | 'monthlyNotNumber' | 'rateNotPositive' | 'rateDateMissing';

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
  const [draft, setDraft] = useState<PriceDraft>({
    bidderId: '',
    round: '1',
    currency: base,
    oneTime: '',
    monthly: '',
    rate: '1',
    rateDate: today,
  });
  const [fieldErrors, setFieldErrors] = useState<readonly PriceFieldError[]>([]);
  const ownCopy = useEvaluatorCopyOf(records);
  const { model } = evaluation;
  const set = (field: keyof PriceDraft, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
  };

  const submit = () => {
    const currency = draft.currency.trim().toUpperCase();
    const oneTime = draft.oneTime.trim() === '' ? 0 : parseMajorAmount(draft.oneTime, currency);
    const monthly = draft.monthly.trim() === '' ? 0 : parseMajorAmount(draft.monthly, currency);
    const rate = parseExchangeRate(draft.rate);
    const round = Number(draft.round);

    const errors: PriceFieldError[] = [];
    if (draft.bidderId === '') errors.push('bidderMissing');
    if (!Number.isSafeInteger(round) || round < 1) errors.push('roundInvalid');
    if (oneTime === null) errors.push('oneTimeNotNumber');
    if (monthly === null) errors.push('monthlyNotNumber');
    if (rate === null) errors.push('rateNotPositive');
    if (draft.rateDate === '') errors.push('rateDateMissing');
    setFieldErrors(errors);
    if (oneTime === null || monthly === null || rate === null || errors.length > 0) return;

    void write.run(`Saving the price bid of bidder ${draft.bidderId}`, (db, context) =>
      setPriceBid(
        db,
        {
          rfpId: event.id,
          bidderId: draft.bidderId,
          round,
          currency,
          oneTimeCharges: oneTime === 0 ? [] : [{ label: t('rfp.setup.oneTimeName'), amountMinor: oneTime }],
          recurringCharges: monthly === 0 ? [] : [{ label: t('rfp.setup.recurringName'), amountMinor: monthly, period: 'month' }],
          exchangeRateToBase: rate,
          exchangeRateDate: draft.rateDate,
          submittedOn: today,
        },
        context,
      ),
    );
  };

  return (
    <section className="panel" aria-labelledby="prices-title">
      <h2 id="prices-title">{t('rfp.setup.pricesTitle')}</h2>
      {records.priceBids.length === 0 ? (
        <p className="muted" data-testid="prices-none">
          {t('rfp.setup.pricesNone')} {event.phase === 'draft' ? t('rfp.setup.pricesAfterIssue') : null}
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
            submit();
          }}
        >
          <label>
            {t('rfp.setup.priceBidder')}
            <select
              value={draft.bidderId}
              onChange={(change) => {
                set('bidderId', change.target.value);
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
          <label>
            {t('rfp.setup.rateLabel', { base })}
            <input
              type="text"
              inputMode="decimal"
              size={8}
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
              <li key={code}>{t(`rfp.setup.priceErrors.${code}`, { currency: draft.currency.trim().toUpperCase() })}</li>
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
