import { describe, expect, it } from 'vitest';
import { fuzzyScore, rankByFuzzyMatch } from '../../../../shared/commands/fuzzy';
import { englishCommandText } from '../../../../shared/commands/messages.en';
import { commands } from '../../../../shared/commands/registry';

describe('fuzzyScore', () => {
  it('matches characters in order with gaps', () => {
    expect(fuzzyScore('gtprov', 'Go to Providers')).not.toBeNull();
  });

  it('rejects characters out of order', () => {
    expect(fuzzyScore('vorp', 'Go to Providers')).toBeNull();
  });

  it('ignores case and spaces', () => {
    expect(fuzzyScore('  PROV iders', 'Go to Providers')).not.toBeNull();
  });

  it('matches everything for an empty query', () => {
    expect(fuzzyScore('', 'Backups')).toBe(0);
  });

  it('ranks a word start above a match inside a word', () => {
    expect(fuzzyScore('r', 'Go to Risks')!).toBeGreaterThan(fuzzyScore('r', 'Go to Providers')!);
  });
});

describe('rankByFuzzyMatch', () => {
  const labelOf = (command: (typeof commands)[number]) => englishCommandText(command.labelKey);

  it('puts the closest label first', () => {
    const ranked = rankByFuzzyMatch(commands, 'providers', labelOf);

    expect(ranked.map((command) => command.id)[0]).toBe('navigate.providers');
  });

  it('keeps registry order for an empty query', () => {
    expect(rankByFuzzyMatch(commands, '', labelOf)).toEqual(commands);
  });

  it('drops labels that do not match', () => {
    expect(rankByFuzzyMatch(commands, 'zzz', labelOf)).toEqual([]);
  });

  it('labels every command in English', () => {
    for (const command of commands) {
      expect(englishCommandText(command.labelKey), command.id).not.toBe(command.labelKey);
    }
  });
});
