/** Tracks whether a meeting has started, and re-renders at its start so that "Mark as held" is enabled on time. */
import { useEffect, useState } from 'react';
import type { Meeting } from '@shared/domain/governance';
import { meetingStartMillis } from '@shared/governance/meetingStart';

/** Maximum delay of `setTimeout` in browsers (2^31 - 1 ms, about 24.8 days). A later start is checked again after it. */
const maxTimerDelayMillis = 2 ** 31 - 1;

/** Returns whether `meeting` has started, and updates when its start passes while the page is open. */
export function useMeetingStarted(meeting: Pick<Meeting, 'date' | 'startTime' | 'timeZone'>): boolean {
  const startMillis = meetingStartMillis(meeting);
  const [nowMillis, setNowMillis] = useState(() => Date.now());

  useEffect(() => {
    const remaining = startMillis - nowMillis;
    if (remaining <= 0) return undefined;
    const timer = setTimeout(() => {
      setNowMillis(Date.now());
    }, Math.min(remaining, maxTimerDelayMillis));
    return () => {
      clearTimeout(timer);
    };
  }, [startMillis, nowMillis]);

  return nowMillis >= startMillis;
}
