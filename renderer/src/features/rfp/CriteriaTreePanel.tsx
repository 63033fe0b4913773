import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { mayEdit } from '@shared/rfp/phases';
import { userLocale } from '../../locale';
import { AddCriterionForm, AddSectionForm } from './AddCriteriaForms';
import { otherPriceCriterion } from './criteriaEditing';
import { buildCriteriaTree, formatPercentTenths } from './criteriaTree';
import { TreeRow } from './CriteriaTreeRows';
import type { TreeEditing } from './CriteriaTreeRows';
import type { RfpRecords } from './rfpRecords';
import { useRfpWrite } from './useRfpWrite';

/**
 * Shows the criteria tree with each weight as entered beside its effective share of the total.
 * While the RFP is a draft, sections and criteria can be added, renamed, moved, deleted and
 * reweighted, and a criterion's kind and level descriptions changed. Titles stay editable until
 * the award or cancellation. The shares follow from the live query.
 */
export function CriteriaTreePanel({ records }: { readonly records: RfpRecords }) {
  const { t } = useTranslation();
  const tree = useMemo(() => buildCriteriaTree(records.sections, records.criteria), [records.sections, records.criteria]);
  const write = useRfpWrite();
  const editing: TreeEditing = {
    write,
    tree: mayEdit(records.event.phase, 'criteriaTree'),
    text: mayEdit(records.event.phase, 'criteriaText'),
    priceCriterionId: otherPriceCriterion(records.criteria, null),
  };
  const sections = tree.rows.filter((row) => row.type === 'section');

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
            <TreeRow key={row.id} row={row} rows={tree.rows} editing={editing} />
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
      {editing.tree ? (
        <>
          <AddSectionForm rfpId={records.event.id} write={write} />
          <AddCriterionForm rfpId={records.event.id} sections={sections} priceTaken={editing.priceCriterionId !== null} write={write} />
        </>
      ) : null}
    </section>
  );
}
