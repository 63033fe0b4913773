import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { rankByFuzzyMatch } from '@shared/commands/fuzzy';
import { commands, isCommandEnabled } from '@shared/commands/registry';
import type { CommandDefinition } from '@shared/commands/registry';
import { translateDynamic } from '../../i18n/dynamic';
import { platform } from '../../platform';
import { selectSetPaletteOpen, usePaletteStore } from './paletteStore';
import { runCommand } from './runCommand';
import { shortcutLabel } from './shortcuts';

/**
 * Shows the command palette: a modal dialog with a search field and the matching commands as a
 * listbox (the ARIA combobox pattern). Arrow keys, Home and End move the active option, Enter
 * runs it, and Escape closes the palette. Closing returns the focus to where it was before.
 */
export function CommandPalette() {
  const { t } = useTranslation();
  const setOpen = usePaletteStore(selectSetPaletteOpen);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const listId = useId();
  const titleId = useId();
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const [unavailableNotice, setUnavailableNotice] = useState<string | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    const previousFocus = document.activeElement;
    if (dialog !== null && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      // The dialog is already out of the document here, so the browser does not restore the
      // focus itself. A command that removed the element leaves the focus where it put it.
      if (previousFocus instanceof HTMLElement && previousFocus.isConnected) previousFocus.focus();
    };
  }, []);

  const labelOf = (command: CommandDefinition) => translateDynamic(t, `commands.${command.labelKey}`);
  const matches = rankByFuzzyMatch(commands, query, labelOf);
  const active = matches[Math.min(activeIndex, matches.length - 1)];
  const optionId = (command: CommandDefinition) => `${listId}-${command.id}`;

  const run = (command: CommandDefinition) => {
    if (!isCommandEnabled(command, platform.host)) {
      setUnavailableNotice(t('commands.palette.unavailableNotice', { command: labelOf(command) }));
      return;
    }
    setOpen(false);
    runCommand(command.id, t);
  };

  const moveActive = (index: number) => {
    if (matches.length === 0) return;
    setActiveIndex((index + matches.length) % matches.length);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const current = Math.min(activeIndex, matches.length - 1);
    if (event.key === 'ArrowDown') moveActive(current + 1);
    else if (event.key === 'ArrowUp') moveActive(current - 1);
    else if (event.key === 'Home' && event.ctrlKey) moveActive(0);
    else if (event.key === 'End' && event.ctrlKey) moveActive(matches.length - 1);
    else if (event.key === 'Enter' && active !== undefined) run(active);
    else return;
    event.preventDefault();
  };

  return (
    <dialog
      ref={dialogRef}
      className="panel command-palette"
      aria-labelledby={titleId}
      data-testid="command-palette"
      onCancel={(event) => {
        event.preventDefault();
        setOpen(false);
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === dialogRef.current) setOpen(false);
      }}
    >
      <h2 id={titleId} className="visually-hidden">
        {t('commands.palette.title')}
      </h2>
      <input
        type="text"
        role="combobox"
        aria-label={t('commands.palette.searchLabel')}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active === undefined ? undefined : optionId(active)}
        placeholder={t('commands.palette.placeholder')}
        value={query}
        autoFocus
        onChange={(event) => {
          setQuery(event.target.value);
          setActiveIndex(0);
          setUnavailableNotice(null);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={t('commands.palette.title')}>
        {matches.map((command) => {
          const enabled = isCommandEnabled(command, platform.host);
          const shortcut = shortcutLabel(command);
          return (
            // Focus stays in the search field, which names the active option through aria-activedescendant.
            <li
              key={command.id}
              id={optionId(command)}
              role="option"
              aria-selected={command === active}
              aria-disabled={!enabled}
              onClick={() => {
                run(command);
              }}
            >
              <span>{labelOf(command)}</span>
              {enabled ? null : <span className="muted"> {t('commands.palette.unavailable')}</span>}
              {shortcut === null ? null : <kbd>{shortcut}</kbd>}
            </li>
          );
        })}
      </ul>
      {matches.length === 0 ? (
        <p className="muted" role="status">
          {t('commands.palette.noMatch', { query })}
        </p>
      ) : null}
      {unavailableNotice === null ? null : (
        <p className="muted" role="status" data-testid="command-unavailable">
          {unavailableNotice}
        </p>
      )}
    </dialog>
  );
}
