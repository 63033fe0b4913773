import { describe, expect, it } from 'vitest';
import { hasMeetingStarted, meetingStartMillis } from '../../../../shared/governance/meetingStart';

const meeting = { date: '2026-03-31', startTime: '10:00', timeZone: 'Europe/London' };

describe('meetingStartMillis', () => {
  it('reads the start in the meeting zone', () => {
    // London is on summer time (UTC+1) on 31 March 2026.
    expect(meetingStartMillis(meeting)).toBe(Date.UTC(2026, 2, 31, 9, 0));
  });

  it('starts an unknown zone when the date begins at UTC+14', () => {
    expect(meetingStartMillis({ ...meeting, timeZone: 'Mars/Olympus' })).toBe(Date.UTC(2026, 2, 30, 10, 0));
  });
});

describe('hasMeetingStarted', () => {
  it('is false a minute before the start', () => {
    expect(hasMeetingStarted(meeting, Date.UTC(2026, 2, 31, 8, 59))).toBe(false);
  });

  it('is true at the start', () => {
    expect(hasMeetingStarted(meeting, Date.UTC(2026, 2, 31, 9, 0))).toBe(true);
  });

  it('is false on the day before', () => {
    expect(hasMeetingStarted({ ...meeting, timeZone: 'Asia/Manila' }, Date.UTC(2026, 2, 30, 12, 0))).toBe(false);
  });
});
