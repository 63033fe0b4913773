/** Undo labels of the Governance screen's edits, which name the meeting or quote the record's text. */
import type { TFunction } from 'i18next';
import type { Meeting } from '@shared/domain/governance';
import { userLocale } from '../../locale';
import { formatCalendarDate } from '../escalations/escalationView';

/** Characters (grapheme clusters) of free text, such as a decision, that a label quotes before it cuts off. */
const maxQuotedLength = 60;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Returns `text` trimmed, and cut to `maxQuotedLength` characters with an ellipsis when longer. */
export function quotedExcerpt(text: string): string {
  const trimmed = text.trim();
  const characters = Array.from(graphemes.segment(trimmed), (part) => part.segment);
  return characters.length <= maxQuotedLength ? trimmed : `${characters.slice(0, maxQuotedLength - 1).join('')}…`;
}

type MeetingLabelKey =
  | 'undo.label.addMeeting'
  | 'undo.label.meeting'
  | 'undo.label.moveMeeting'
  | 'undo.label.meetingStatus'
  | 'undo.label.meetingAgenda'
  | 'undo.label.meetingMinutes';

/** Returns the label `key` for an edit of `meeting`, naming it by title and date. */
export function meetingUndoLabel(t: TFunction, key: MeetingLabelKey, meeting: Pick<Meeting, 'title' | 'date'>): string {
  return t(key, { title: quotedExcerpt(meeting.title), date: formatCalendarDate(meeting.date, userLocale) });
}
