/** Forms under the criteria tree that add a section, or a criterion to a chosen section. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RfpCriterionKind } from '@shared/domain/rfp';
import type { Id } from '@shared/domain/types';
import { addCriterion, addSection } from '../../db/rfp';
import { checkNewCriterion, checkNewSection, criterionKinds } from './criteriaEditing';
import type { ItemProblem } from './criteriaEditing';
import type { RfpWrite } from './useRfpWrite';

function ProblemText({ problems, field }: { readonly problems: readonly ItemProblem[]; readonly field: ItemProblem['field'] }) {
  const { t } = useTranslation();
  const problem = problems.find((candidate) => candidate.field === field);
  return problem === undefined ? null : <span className="field-error">{t(`rfp.setup.errors.${problem.key}`)}</span>;
}

export function AddSectionForm({ rfpId, write }: { readonly rfpId: Id; readonly write: RfpWrite }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [weight, setWeight] = useState('10');
  const [problems, setProblems] = useState<readonly ItemProblem[]>([]);

  return (
    <form
      className="toolbar"
      aria-label={t('rfp.setup.addSection')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const check = checkNewSection({ title, weight });
        setProblems(check.ok ? [] : check.problems);
        if (!check.ok) return;
        void write
          .run(`Adding section "${check.value.title}"`, (db, context) => addSection(db, rfpId, check.value, context))
          .then((ok) => {
            if (ok) setTitle('');
          });
      }}
    >
      <label>
        {t('rfp.setup.newSectionTitle')}
        <input
          type="text"
          value={title}
          aria-invalid={problems.some((problem) => problem.field === 'title')}
          onChange={(event) => {
            setTitle(event.target.value);
          }}
        />
        <ProblemText problems={problems} field="title" />
      </label>
      <label>
        {t('rfp.setup.newSectionWeight')}
        <input
          type="text"
          inputMode="decimal"
          size={5}
          value={weight}
          aria-invalid={problems.some((problem) => problem.field === 'weight')}
          onChange={(event) => {
            setWeight(event.target.value);
          }}
        />
        <ProblemText problems={problems} field="weight" />
      </label>
      <button type="submit" className="button" disabled={write.busy}>
        {t('rfp.setup.addSection')}
      </button>
    </form>
  );
}

export function AddCriterionForm({
  rfpId,
  sections,
  priceTaken,
  write,
}: {
  readonly rfpId: Id;
  readonly sections: readonly { readonly id: Id; readonly title: string }[];
  /** Whether the RFP already has its one price criterion. */
  readonly priceTaken: boolean;
  readonly write: RfpWrite;
}) {
  const { t } = useTranslation();
  const [sectionId, setSectionId] = useState<Id>('');
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<RfpCriterionKind>('scored');
  const [weight, setWeight] = useState('5');
  const [problems, setProblems] = useState<readonly ItemProblem[]>([]);
  // The chosen section may have been deleted meanwhile; the first section is the fallback.
  const chosenSection = sections.some((section) => section.id === sectionId) ? sectionId : (sections[0]?.id ?? '');
  if (sections.length === 0) return <p className="muted">{t('rfp.setup.noSections')}</p>;

  return (
    <form
      className="toolbar"
      aria-label={t('rfp.setup.addCriterion')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const check = checkNewCriterion({ sectionId: chosenSection, title, kind, weight });
        setProblems(check.ok ? [] : check.problems);
        if (!check.ok) return;
        const criterion = { rfpId, ...check.value };
        void write
          .run(`Adding criterion "${criterion.title}"`, (db, context) => addCriterion(db, criterion, context))
          .then((ok) => {
            if (ok) setTitle('');
          });
      }}
    >
      <label>
        {t('rfp.setup.newCriterionSection')}
        <select
          value={chosenSection}
          onChange={(event) => {
            setSectionId(event.target.value);
          }}
        >
          {sections.map((section) => (
            <option key={section.id} value={section.id}>
              {section.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('rfp.setup.newCriterionTitle')}
        <input
          type="text"
          value={title}
          aria-invalid={problems.some((problem) => problem.field === 'title')}
          onChange={(event) => {
            setTitle(event.target.value);
          }}
        />
        <ProblemText problems={problems} field="title" />
      </label>
      <label>
        {t('rfp.setup.newCriterionKind')}
        <select
          value={kind}
          onChange={(event) => {
            setKind(event.target.value as RfpCriterionKind);
          }}
        >
          {criterionKinds.map((option) => (
            <option key={option} value={option} disabled={option === 'price' && priceTaken}>
              {t(`rfp.setup.kinds.${option}`)}
            </option>
          ))}
        </select>
      </label>
      {kind === 'knockout' ? null : (
        <label>
          {t('rfp.setup.newCriterionWeight')}
          <input
            type="text"
            inputMode="decimal"
            size={5}
            value={weight}
            aria-invalid={problems.some((problem) => problem.field === 'weight')}
            onChange={(event) => {
              setWeight(event.target.value);
            }}
          />
          <ProblemText problems={problems} field="weight" />
        </label>
      )}
      <button type="submit" className="button" disabled={write.busy}>
        {t('rfp.setup.addCriterion')}
      </button>
    </form>
  );
}
