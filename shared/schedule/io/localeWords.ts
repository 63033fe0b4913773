/**
 * Words that MS Project writes in the user's language in MPX files: link types, time units,
 * yes and no, and constraint types. English and German are covered, and link types also in
 * French and Spanish.
 */
import type { DependencyType } from '../../domain/plan';
import type { TimeUnit } from './units';

/** Link type abbreviations: English FS, German EA (Ende-Anfang), French FD (fin-début), Spanish FC (fin-comienzo), and so on. */
export const linkTypeWords: Readonly<Record<string, DependencyType>> = {
  FS: 'FS',
  SS: 'SS',
  FF: 'FF',
  SF: 'SF',
  EA: 'FS',
  AA: 'SS',
  EE: 'FF',
  AE: 'SF',
  FD: 'FS',
  DD: 'SS',
  DF: 'SF',
  FC: 'FS',
  CC: 'SS',
  CF: 'SF',
};

export interface TimeUnitWord {
  readonly unit: TimeUnit | 'percent';
  readonly elapsed: boolean;
}

const workingUnitWords: Readonly<Record<string, TimeUnit>> = {
  m: 'minutes',
  min: 'minutes',
  mins: 'minutes',
  minute: 'minutes',
  minutes: 'minutes',
  minuten: 'minutes',
  h: 'hours',
  hr: 'hours',
  hrs: 'hours',
  hour: 'hours',
  hours: 'hours',
  std: 'hours',
  stunde: 'hours',
  stunden: 'hours',
  d: 'days',
  dy: 'days',
  day: 'days',
  days: 'days',
  t: 'days',
  tag: 'days',
  tage: 'days',
  w: 'weeks',
  wk: 'weeks',
  wks: 'weeks',
  week: 'weeks',
  weeks: 'weeks',
  wo: 'weeks',
  woche: 'weeks',
  wochen: 'weeks',
  mo: 'months',
  mon: 'months',
  mons: 'months',
  month: 'months',
  months: 'months',
  monat: 'months',
  monate: 'months',
};

/**
 * Looks up a unit written after a duration or lag, such as `d`, `ed` (elapsed days), `t`
 * (German Tage), `ft` (German fortlaufende Tage, elapsed) or `%`. Case and dots are ignored;
 * returns `undefined` for an unknown unit.
 */
export function timeUnitWord(word: string): TimeUnitWord | undefined {
  const key = word.toLowerCase().replace(/\./g, '');
  if (key === '%' || key === 'e%' || key === 'f%') {
    return { unit: 'percent', elapsed: key !== '%' };
  }
  const working = workingUnitWords[key];
  if (working !== undefined) {
    return { unit: working, elapsed: false };
  }
  // English marks elapsed time with a leading e (ed, ew), German with a leading f (ft, fw).
  // NOTE: the German forms follow MS Project's German unit names (fortlaufende Tage) and were not
  // checked against an MPX file saved by a German MS Project.
  if (key.length > 1 && (key.startsWith('e') || key.startsWith('f'))) {
    const elapsed = workingUnitWords[key.slice(1)];
    if (elapsed !== undefined) {
      return { unit: elapsed, elapsed: true };
    }
  }
  return undefined;
}

const yesWords = new Set(['yes', 'ja', 'oui', 'sí', 'si', 'true', '1']);

export function isYes(word: string | undefined): boolean {
  return word !== undefined && yesWords.has(word.trim().toLowerCase());
}

export type ConstraintKind =
  | 'asSoonAsPossible'
  | 'asLateAsPossible'
  | 'mustStartOn'
  | 'mustFinishOn'
  | 'startNoEarlierThan'
  | 'startNoLaterThan'
  | 'finishNoEarlierThan'
  | 'finishNoLaterThan';

/** Constraint kinds in the order of MS Project's numeric codes 0 to 7. */
export const constraintKinds: readonly ConstraintKind[] = [
  'asSoonAsPossible',
  'asLateAsPossible',
  'mustStartOn',
  'mustFinishOn',
  'startNoEarlierThan',
  'startNoLaterThan',
  'finishNoEarlierThan',
  'finishNoLaterThan',
];

const constraintWords: Readonly<Record<string, ConstraintKind>> = {
  'as soon as possible': 'asSoonAsPossible',
  'as late as possible': 'asLateAsPossible',
  'must start on': 'mustStartOn',
  'must finish on': 'mustFinishOn',
  'start no earlier than': 'startNoEarlierThan',
  'start no later than': 'startNoLaterThan',
  'finish no earlier than': 'finishNoEarlierThan',
  'finish no later than': 'finishNoLaterThan',
  'so früh wie möglich': 'asSoonAsPossible',
  'so spät wie möglich': 'asLateAsPossible',
  'muss anfangen am': 'mustStartOn',
  'muss enden am': 'mustFinishOn',
  'anfang nicht früher als': 'startNoEarlierThan',
  'anfang nicht später als': 'startNoLaterThan',
  'ende nicht früher als': 'finishNoEarlierThan',
  'ende nicht später als': 'finishNoLaterThan',
};

/** Looks up a constraint type written as text (English or German) or as MS Project's code 0 to 7. */
export function constraintKind(word: string): ConstraintKind | undefined {
  const trimmed = word.trim();
  if (/^[0-7]$/.test(trimmed)) {
    return constraintKinds[Number(trimmed)];
  }
  return constraintWords[trimmed.toLowerCase().replace(/\s+/g, ' ')];
}
