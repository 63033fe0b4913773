import { useTranslation } from 'react-i18next';

/** Steps of an import wizard, in the order the user goes through them. */
export type WizardStep = 'file' | 'mapping' | 'review' | 'done';

const stepIndexes: Readonly<Record<WizardStep, number>> = { file: 0, mapping: 1, review: 2, done: 2 };

/** Shows the import wizard's steps with the current one marked, also for screen readers (`aria-current`). */
export function WizardSteps({ current }: { readonly current: WizardStep }) {
  const { t } = useTranslation();
  const labels = [t('import.stepFile'), t('import.stepMapping'), t('import.stepReview')];
  return (
    <ol className="wizard-steps" data-testid="wizard-steps">
      {labels.map((label, index) => (
        <li key={label} aria-current={index === stepIndexes[current] ? 'step' : undefined}>
          {label}
        </li>
      ))}
    </ol>
  );
}
