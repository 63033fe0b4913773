import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayEdit } from '@shared/rfp/phases';
import { updateCriterion, updateSection } from '../../db/rfp';
import { formatNumber } from '../../format';
import { userLocale } from '../../locale';
import { buildCriteriaTree, formatPercentTenths } from './criteriaTree';
import type { CriteriaTreeRow } from './criteriaTree';
import type { RfpRecords } from './rfpRecords';
import { useRfpWrite } from './useRfpWrite';

/**
 * Shows the criteria tree with each weight as entered beside its effective share of the total. Weights
 * can be changed while the RFP is a draft; the shares follow from the live query.
 */
export function CriteriaTreePanel({ records }: { readonly records: RfpRecords }) {
  const { t } = useTranslation();
  const tree = useMemo(() => buildCriteriaTree(records.sections, records.criteria), [records.sections, records.criteria]);
  const editable = mayEdit(records.event.phase, 'criteriaTree');
  const write = useRfpWrite();

  return (
    <section className="panel" aria-labelledby="criteria-title">
      <h2 id="criteria-title">{t('rfp.setup.criteriaTitle')}</h2>
      {write.error === null ? null : (
        <p className="alert error" role="alert">
          {write.error}
        </p>
      )}
      <table className="criteria-tree" aria-label={t('rfp.setup.criteriaLabel')} data-testid="criteria-tree">
        <thead>
          <tr>
            <th scope="col">{t('rfp.setup.colItem')}</th>
            <th scope="col">{t('rfp.setup.colKind')}</th>
            <th scope="col">{t('rfp.setup.colEntered')}</th>
            <th scope="col">{t('rfp.setup.colShare')}</th>
          </tr>
        </thead>
        <tbody>
          {tree.rows.map((row) => (
            <TreeRow key={row.id} row={row} editable={editable} write={write} />
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t('rfp.setup.total')}
            </th>
            <td className="cell-numeric" data-testid="criteria-total">
              {formatPercentTenths(tree.totalTenths, userLocale)}
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

function TreeRow({
  row,
  editable,
  write,
}: {
  readonly row: CriteriaTreeRow;
  readonly editable: boolean;
  readonly write: ReturnType<typeof useRfpWrite>;
}) {
  const { t } = useTranslation();
  const save = (weight: number) =>
    row.type === 'section'
      ? write.run(`Updating the weight of section ${row.id}`, (db, context) => updateSection(db, row.id, { weight }, context))
      : write.run(`Updating the weight of criterion ${row.id}`, (db, context) => updateCriterion(db, row.id, { weight }, context));

  const weightCell =
    row.enteredWeight === null ? (
      <span className="muted">{t('rfp.setup.noWeight')}</span>
    ) : editable ? (
      <WeightInput label={t('rfp.setup.weightLabel', { name: row.title })} weight={row.enteredWeight} onSave={save} />
    ) : (
      formatNumber(row.enteredWeight, userLocale, 2)
    );

  if (row.type === 'section') {
    return (
      <tr className="section-row">
        <th scope="row">{row.title}</th>
        <td />
        <td className="cell-numeric">{weightCell}</td>
        <td className="cell-numeric">{formatPercentTenths(row.percentTenths, userLocale)}</td>
      </tr>
    );
  }
  return (
    <tr className={`criterion-row kind-${row.kind}`}>
      <td>
        <details>
          <summary>{row.title}</summary>
          {row.description === '' ? null : <p className="muted">{row.description}</p>}
          {row.applicabilityNote === '' ? null : <p className="muted">{t('rfp.setup.applies', { note: row.applicabilityNote })}</p>}
          {row.kind === 'knockout' ? (
            <p>{t('rfp.setup.passFail')}</p>
          ) : (
            <ul className="scale-levels" aria-label={t('rfp.setup.levels')}>
              {row.levels.map((level) => (
                <li key={level.value}>
                  {t('rfp.setup.levelText', { value: level.value, label: level.label, description: level.description })}
                </li>
              ))}
            </ul>
          )}
        </details>
      </td>
      <td>
        <span className={`kind-badge kind-${row.kind}`}>{t(`rfp.setup.kinds.${row.kind}`)}</span>
      </td>
      <td className="cell-numeric">{weightCell}</td>
      <td className="cell-numeric">{row.percentTenths === null ? '' : formatPercentTenths(row.percentTenths, userLocale)}</td>
    </tr>
  );
}

/** Number field that saves on blur or Enter when the value changed and is a valid weight. */
function WeightInput({
  label,
  weight,
  onSave,
}: {
  readonly label: string;
  readonly weight: number;
  readonly onSave: (weight: number) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(String(weight));
  const [invalid, setInvalid] = useState(false);
  const [seen, setSeen] = useState(weight);
  // A weight changed elsewhere (another tab, a merge) replaces the field's text.
  if (seen !== weight) {
    setSeen(weight);
    setText(String(weight));
  }

  const commit = () => {
    const value = Number(text.trim());
    const valid = text.trim() !== '' && Number.isFinite(value) && value >= 0;
    setInvalid(!valid);
    if (valid && value !== weight) void onSave(value);
  };
  return (
    <span>
      <input
        type="text"
        inputMode="decimal"
        size={5}
        aria-label={label}
        aria-invalid={invalid}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
        }}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
      {invalid ? <span className="field-error">{t('rfp.setup.weightInvalid')}</span> : null}
    </span>
  );
}
