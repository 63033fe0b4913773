import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Process, ProcessReadiness } from '@shared/domain/providerProfile';
import type { Id } from '@shared/domain/types';
import { getDeviceContext } from '../../db/catalogue';
import { describeAppError } from '../../errorMessage';
import { toAppError } from '../../reportError';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { recordUndoable } from '../undo/recordUndoable';
import { setProcessReadiness } from './processEdits';
import { boardColumns, neighbourStage } from './processRows';

interface ReadinessBoardProps {
  /** Processes to show, already filtered and sorted. */
  readonly processes: readonly Process[];
  readonly providerNames: ReadonlyMap<Id, string>;
}

/**
 * The readiness board: one column per readiness stage with a count and a card per process. A card
 * moves to the previous or next stage with its buttons, or with the left and right arrow keys
 * while it has focus; focus follows the card to its new column.
 */
export function ReadinessBoard({ processes, providerNames }: ReadinessBoardProps) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const [failure, setFailure] = useState<string | null>(null);
  // The card to focus once the live query shows it in the column of `stage`.
  const focusTarget = useRef<{ readonly id: Id; readonly stage: ProcessReadiness } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const cards = useRef(new Map<Id, HTMLElement>());

  // The moved card is a new element in another column, so focus waits until the live query has moved it.
  useEffect(() => {
    const target = focusTarget.current;
    if (target === null) return;
    const process = processes.find((candidate) => candidate.id === target.id);
    if (process?.readiness !== target.stage) return;
    cards.current.get(target.id)?.focus();
    focusTarget.current = null;
  }, [processes]);

  const move = async (process: Process, stage: ProcessReadiness) => {
    setFailure(null);
    focusTarget.current = { id: process.id, stage };
    try {
      const label = t('undo.label.processReadiness', { name: process.name, stage: t(`profile.readiness.${stage}`) });
      await recordUndoable(db, label, await getDeviceContext(), (context) => setProcessReadiness(db, process.id, stage, context));
      setAnnouncement(t('processes.board.moved', { name: process.name, stage: t(`profile.readiness.${stage}`) }));
    } catch (thrown) {
      focusTarget.current = null;
      setFailure(describeAppError(t, toAppError(thrown, `Moving process ${process.id} to ${stage} failed`)));
    }
  };

  const onCardKey = (event: KeyboardEvent<HTMLElement>, process: Process) => {
    if (event.target !== event.currentTarget) return;
    const steps: Readonly<Record<string, 1 | -1>> = { ArrowRight: 1, ArrowLeft: -1 };
    const step = steps[event.key];
    if (step === undefined) return;
    const stage = neighbourStage(process.readiness, step);
    if (stage === null) return;
    event.preventDefault();
    void move(process, stage);
  };

  return (
    <div data-testid="readiness-board">
      <p className="muted">{t('processes.board.hint')}</p>
      {failure === null ? null : (
        <p className="alert error" role="alert">
          {failure}
        </p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="readiness-board">
        {boardColumns(processes).map((column) => {
          const stageName = t(`profile.readiness.${column.stage}`);
          const headingId = `readiness-column-${column.stage}`;
          return (
            <section
              key={column.stage}
              className="readiness-column"
              aria-labelledby={headingId}
              data-testid={`board-column-${column.stage}`}
            >
              <h2 id={headingId}>
                {stageName} <span className="column-count">{t('processes.board.count', { count: column.processes.length })}</span>
              </h2>
              <ul>
                {column.processes.map((process) => {
                  const previous = neighbourStage(process.readiness, -1);
                  const next = neighbourStage(process.readiness, 1);
                  const provider =
                    process.providerId === null
                      ? t('processes.noProvider')
                      : (providerNames.get(process.providerId) ?? t('processes.unknownRecord'));
                  return (
                    <li
                      key={process.id}
                      className="readiness-card"
                      tabIndex={0}
                      aria-label={t('processes.board.cardLabel', { name: process.name, stage: stageName })}
                      data-testid={`board-card-${process.id}`}
                      ref={(node) => {
                        if (node === null) cards.current.delete(process.id);
                        else cards.current.set(process.id, node);
                      }}
                      onKeyDown={(event) => {
                        onCardKey(event, process);
                      }}
                    >
                      <strong>{process.name}</strong>
                      <span className="muted">
                        {t(`profile.processFunctions.${process.function}`)} · {provider}
                      </span>
                      <span className="button-row">
                        {previous === null ? null : (
                          <button
                            type="button"
                            className="button"
                            onClick={() => {
                              void move(process, previous);
                            }}
                          >
                            {t('processes.board.movePrevious', { name: process.name, stage: t(`profile.readiness.${previous}`) })}
                          </button>
                        )}
                        {next === null ? null : (
                          <button
                            type="button"
                            className="button"
                            onClick={() => {
                              void move(process, next);
                            }}
                          >
                            {t('processes.board.moveNext', { name: process.name, stage: t(`profile.readiness.${next}`) })}
                          </button>
                        )}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}
