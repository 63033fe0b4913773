import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayEdit } from '@shared/rfp/phases';
import { addBidder, removeBidder } from '../../db/rfp';
import type { RfpRecords } from './rfpRecords';
import { useProviders } from './useRfpData';
import { useRfpWrite } from './useRfpWrite';

/** Bidders of the RFP: an existing provider of the portfolio, or a prospect by name. */
export function BiddersPanel({ records }: { readonly records: RfpRecords }) {
  const { t } = useTranslation();
  const providers = useProviders() ?? [];
  const write = useRfpWrite();
  const [providerId, setProviderId] = useState('');
  const [prospect, setProspect] = useState('');
  const editable = mayEdit(records.event.phase, 'bidders');
  const rfpId = records.event.id;
  const linked = new Set(records.bidders.map((bidder) => bidder.providerId));
  const available = providers.filter((provider) => !linked.has(provider.id)).sort((a, b) => a.name.localeCompare(b.name));

  return (
    <section className="panel" aria-labelledby="bidders-title">
      <h2 id="bidders-title">{t('rfp.setup.biddersTitle')}</h2>
      {records.bidders.length === 0 ? <p className="muted">{t('rfp.setup.biddersNone')}</p> : null}
      <ul className="rfp-list" data-testid="bidder-list">
        {records.bidders.map((bidder) => (
          <li key={bidder.id}>
            <span>{bidder.name}</span>{' '}
            <span className="muted">{bidder.providerId === null ? t('rfp.setup.prospect') : t('rfp.setup.linkedProvider')}</span>
            {editable ? (
              <button
                type="button"
                className="link-button"
                disabled={write.busy}
                onClick={() => {
                  void write.run(`Removing bidder ${bidder.id}`, (db, context) => removeBidder(db, bidder.id, context));
                }}
              >
                {t('rfp.setup.removeBidder', { name: bidder.name })}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <div className="toolbar">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (providerId === '') return;
              void write
                .run(`Adding provider ${providerId} as a bidder`, (db, context) => addBidder(db, rfpId, { providerId }, context))
                .then((ok) => {
                  if (ok) setProviderId('');
                });
            }}
          >
            <label>
              {t('rfp.setup.providerLabel')}
              <select
                value={providerId}
                onChange={(event) => {
                  setProviderId(event.target.value);
                }}
              >
                <option value="">{t('rfp.setup.chooseProvider')}</option>
                {available.map((provider) => (
                  <option key={provider.id} value={provider.id}>
                    {provider.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button" disabled={write.busy || providerId === ''}>
              {t('rfp.setup.addProvider')}
            </button>
          </form>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const name = prospect.trim();
              if (name === '') return;
              void write
                .run(`Adding prospect bidder "${name}"`, (db, context) => addBidder(db, rfpId, { name }, context))
                .then((ok) => {
                  if (ok) setProspect('');
                });
            }}
          >
            <label>
              {t('rfp.setup.prospectLabel')}
              <input
                type="text"
                value={prospect}
                onChange={(event) => {
                  setProspect(event.target.value);
                }}
              />
            </label>
            <button type="submit" className="button" disabled={write.busy || prospect.trim() === ''}>
              {t('rfp.setup.addProspect')}
            </button>
          </form>
        </div>
      ) : null}
      {write.error === null ? null : (
        <p className="alert error" role="alert">
          {write.error}
        </p>
      )}
    </section>
  );
}
