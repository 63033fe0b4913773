/** Rows of the criteria tree table, with the editors the RFP's phase allows. */
import { useTranslation } from 'react-i18next';
import type { RfpCriterionKind } from '@shared/domain/rfp';
import type { Id } from '@shared/domain/types';
import { removeCriterion, removeSection, updateCriterion, updateSection } from '../../db/rfp';
import { formatNumber } from '../../format';
import { userLocale } from '../../locale';
import { DeleteButton, TitleInput, WeightInput } from './CriteriaFields';
import { criterionKinds, reorderPatches } from './criteriaEditing';
import type { OrderPatch } from './criteriaEditing';
import { formatPercentTenths } from './criteriaTree';
import type { CriteriaTreeRow, CriterionTreeRow, SectionTreeRow } from './criteriaTree';
import { LevelEditor } from './LevelEditor';
import type { RfpWrite } from './useRfpWrite';

export interface TreeEditing {
  readonly write: RfpWrite;
  /** Structure, weights, kinds and scales may change (draft only). */
  readonly tree: boolean;
  /** Titles may change (until the award or cancellation). */
  readonly text: boolean;
  /** Id of the RFP's price criterion, or `null`: a second one is not offered. */
  readonly priceCriterionId: Id | null;
}

export function TreeRow({
  row,
  rows,
  editing,
}: {
  readonly row: CriteriaTreeRow;
  readonly rows: readonly CriteriaTreeRow[];
  readonly editing: TreeEditing;
}) {
  return row.type === 'section' ? (
    <SectionRow row={row} rows={rows} editing={editing} />
  ) : (
    <CriterionRow row={row} rows={rows} editing={editing} />
  );
}

/** Writes the order changes one record at a time; each write is its own transaction. */
function applyOrders(editing: TreeEditing, type: 'section' | 'criterion', name: string, patches: readonly OrderPatch[]): void {
  void editing.write.run(`Moving ${type} ${name}`, async (db, context) => {
    for (const { id, order } of patches) {
      if (type === 'section') await updateSection(db, id, { order }, context);
      else await updateCriterion(db, id, { order }, context);
    }
  });
}

function MoveButtons({
  row,
  siblings,
  editing,
}: {
  readonly row: SectionTreeRow | CriterionTreeRow;
  readonly siblings: readonly { readonly id: Id; readonly order: number }[];
  readonly editing: TreeEditing;
}) {
  const { t } = useTranslation();
  const index = siblings.findIndex((sibling) => sibling.id === row.id);
  const move = (direction: 'up' | 'down') => {
    applyOrders(editing, row.type, row.id, reorderPatches(siblings, row.id, direction));
  };
  return (
    <span className="move-buttons">
      <button
        type="button"
        className="link-button"
        aria-label={t('rfp.setup.moveUp', { name: row.title })}
        disabled={editing.write.busy || index <= 0}
        onClick={() => {
          move('up');
        }}
      >
        ↑
      </button>
      <button
        type="button"
        className="link-button"
        aria-label={t('rfp.setup.moveDown', { name: row.title })}
        disabled={editing.write.busy || index < 0 || index >= siblings.length - 1}
        onClick={() => {
          move('down');
        }}
      >
        ↓
      </button>
    </span>
  );
}

function SectionRow({
  row,
  rows,
  editing,
}: {
  readonly row: SectionTreeRow;
  readonly rows: readonly CriteriaTreeRow[];
  readonly editing: TreeEditing;
}) {
  const { t } = useTranslation();
  const { write } = editing;
  const siblings = rows.filter((other) => other.type === 'section');
  const saveWeight = (weight: number) =>
    write.run(`Updating the weight of section ${row.id}`, (db, context) => updateSection(db, row.id, { weight }, context));
  const saveTitle = (title: string) =>
    write.run(`Renaming section ${row.id}`, (db, context) => updateSection(db, row.id, { title }, context));

  return (
    <tr className="section-row">
      <th scope="row">
        {editing.text ? (
          <TitleInput label={t('rfp.setup.sectionTitleLabel', { name: row.title })} title={row.title} onSave={saveTitle} />
        ) : (
          row.title
        )}
        {editing.tree ? (
          <span className="row-actions">
            <MoveButtons row={row} siblings={siblings} editing={editing} />
            <DeleteButton
              label={t('rfp.setup.deleteSection', { name: row.title })}
              question={t('rfp.setup.deleteSectionQuestion', { name: row.title })}
              disabled={write.busy}
              onConfirm={() => {
                void write.run(`Deleting section ${row.id}`, (db, context) => removeSection(db, row.id, context));
              }}
            />
          </span>
        ) : null}
      </th>
      <td />
      <td className="cell-numeric">
        {editing.tree ? (
          <WeightInput label={t('rfp.setup.weightLabel', { name: row.title })} weight={row.enteredWeight} onSave={saveWeight} />
        ) : (
          formatNumber(row.enteredWeight, userLocale, 2)
        )}
      </td>
      <td className="cell-numeric">{formatPercentTenths(row.percentTenths, userLocale)}</td>
    </tr>
  );
}

function CriterionRow({
  row,
  rows,
  editing,
}: {
  readonly row: CriterionTreeRow;
  readonly rows: readonly CriteriaTreeRow[];
  readonly editing: TreeEditing;
}) {
  const { t } = useTranslation();
  const { write } = editing;
  const siblings = rows.filter((other) => other.type === 'criterion' && other.sectionId === row.sectionId);
  const save = (action: string, patch: Parameters<typeof updateCriterion>[2]) =>
    write.run(`${action} of criterion ${row.id}`, (db, context) => updateCriterion(db, row.id, patch, context));

  let weightCell;
  if (row.enteredWeight === null) weightCell = <span className="muted">{t('rfp.setup.noWeight')}</span>;
  else if (editing.tree) {
    weightCell = (
      <WeightInput
        label={t('rfp.setup.weightLabel', { name: row.title })}
        weight={row.enteredWeight}
        onSave={(weight) => save('Updating the weight', { weight })}
      />
    );
  } else weightCell = formatNumber(row.enteredWeight, userLocale, 2);

  return (
    <tr className={`criterion-row kind-${row.kind}`}>
      <td>
        {editing.text ? (
          <TitleInput
            label={t('rfp.setup.criterionTitleLabel', { name: row.title })}
            title={row.title}
            onSave={(title) => save('Renaming', { title })}
          />
        ) : null}
        {editing.tree ? (
          <span className="row-actions">
            <MoveButtons row={row} siblings={siblings} editing={editing} />
            <DeleteButton
              label={t('rfp.setup.deleteCriterion', { name: row.title })}
              question={t('rfp.setup.deleteCriterionQuestion', { name: row.title })}
              disabled={write.busy}
              onConfirm={() => {
                void write.run(`Deleting criterion ${row.id}`, (db, context) => removeCriterion(db, row.id, context));
              }}
            />
          </span>
        ) : null}
        <details>
          <summary>{editing.text ? t('rfp.setup.detailsOf', { name: row.title }) : row.title}</summary>
          {row.description === '' ? null : <p className="muted">{row.description}</p>}
          {row.applicabilityNote === '' ? null : <p className="muted">{t('rfp.setup.applies', { note: row.applicabilityNote })}</p>}
          <CriterionScale row={row} editing={editing} onSaveScale={(scale) => save('Updating the level descriptions', { scale })} />
        </details>
      </td>
      <td>
        {editing.tree ? (
          <select
            aria-label={t('rfp.setup.kindLabel', { name: row.title })}
            value={row.kind}
            disabled={write.busy}
            onChange={(event) => {
              void save('Changing the kind', { kind: event.target.value as RfpCriterionKind });
            }}
          >
            {criterionKinds.map((kind) => (
              <option
                key={kind}
                value={kind}
                disabled={kind === 'price' && editing.priceCriterionId !== null && editing.priceCriterionId !== row.id}
              >
                {t(`rfp.setup.kinds.${kind}`)}
              </option>
            ))}
          </select>
        ) : (
          <span className={`kind-badge kind-${row.kind}`}>{t(`rfp.setup.kinds.${row.kind}`)}</span>
        )}
      </td>
      <td className="cell-numeric">{weightCell}</td>
      <td className="cell-numeric">{row.percentTenths === null ? '' : formatPercentTenths(row.percentTenths, userLocale)}</td>
    </tr>
  );
}

function CriterionScale({
  row,
  editing,
  onSaveScale,
}: {
  readonly row: CriterionTreeRow;
  readonly editing: TreeEditing;
  readonly onSaveScale: Parameters<typeof LevelEditor>[0]['onSave'];
}) {
  const { t } = useTranslation();
  if (row.scale === null) return <p>{t('rfp.setup.passFail')}</p>;
  if (editing.tree) {
    return <LevelEditor criterionTitle={row.title} scale={row.scale} disabled={editing.write.busy} onSave={onSaveScale} />;
  }
  return (
    <ul className="scale-levels" aria-label={t('rfp.setup.levels')}>
      {row.levels.map((level) => (
        <li key={level.value}>{t('rfp.setup.levelText', { value: level.value, label: level.label, description: level.description })}</li>
      ))}
    </ul>
  );
}
