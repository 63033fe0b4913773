import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScoringScale } from '@shared/domain/rfp';
import { applyLevelDescriptions, levelDescriptionsChanged } from './criteriaEditing';

/**
 * Edits the descriptions evaluators read for each level of a criterion's scale. The level values
 * and names stay as they are; the whole scale is saved at once with "Save level descriptions".
 */
export function LevelEditor({
  criterionTitle,
  scale,
  disabled,
  onSave,
}: {
  readonly criterionTitle: string;
  readonly scale: ScoringScale;
  readonly disabled: boolean;
  readonly onSave: (scale: ScoringScale) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const stored = scale.levels.map((level) => level.description);
  const [texts, setTexts] = useState<readonly string[]>(stored);
  const [blankLevels, setBlankLevels] = useState<readonly number[]>([]);
  const [seen, setSeen] = useState(scale);
  // A scale changed elsewhere (another tab, a merge) replaces the editor's texts.
  if (seen !== scale) {
    setSeen(scale);
    setTexts(stored);
    setBlankLevels([]);
  }

  const save = () => {
    const check = applyLevelDescriptions(scale, texts);
    setBlankLevels(check.ok ? [] : check.blankLevels);
    if (check.ok && levelDescriptionsChanged(scale, texts)) void onSave(check.scale);
  };
  return (
    <form
      className="level-editor"
      aria-label={t('rfp.setup.levelsOf', { name: criterionTitle })}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      {scale.levels.map((level, index) => (
        <label key={level.value}>
          {t('rfp.setup.levelLabel', { value: level.value, label: level.label })}
          <textarea
            rows={2}
            value={texts[index] ?? ''}
            disabled={disabled}
            aria-invalid={blankLevels.includes(level.value)}
            onChange={(event) => {
              const next = [...texts];
              next[index] = event.target.value;
              setTexts(next);
            }}
          />
          {blankLevels.includes(level.value) ? <span className="field-error">{t('rfp.setup.errors.levelBlank')}</span> : null}
        </label>
      ))}
      <button type="submit" className="button" disabled={disabled}>
        {t('rfp.setup.saveLevels')}
      </button>
    </form>
  );
}
