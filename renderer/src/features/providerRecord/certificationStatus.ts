/** Whether a certification is still valid on a given day, which the certification list shows as a badge. */
import type { Certification } from '@shared/domain/providerProfile';
import type { CalendarDate } from '@shared/domain/types';
import { toDayNumber } from '@shared/schedule/days';

/** Days before the expiry date from which a certification counts as expiring soon. */
export const expiryWarningDays = 60;

export type CertificationStatus = 'valid' | 'expiresSoon' | 'expired' | 'noExpiry' | 'unverified';

/**
 * Returns the status of `certification` on `today`. `expiresOn` is the last valid day, so a
 * certification expiring today is still valid today and expires soon; it is expired from the day
 * after. Expiring soon means within `expiryWarningDays` days of `today`, both days included.
 * Without an expiry date it is valid only when an issue date or evidence backs it. A bare entry
 * is `unverified`, so that a standard chosen and saved with nothing else never reads as valid.
 */
export function certificationStatus(
  certification: Pick<Certification, 'expiresOn'> & Partial<Pick<Certification, 'issuedOn' | 'evidence'>>,
  today: CalendarDate,
): CertificationStatus {
  if (certification.expiresOn === null) {
    const backed = (certification.issuedOn ?? null) !== null || (certification.evidence ?? '').trim() !== '';
    return backed ? 'noExpiry' : 'unverified';
  }
  const daysLeft = toDayNumber(certification.expiresOn) - toDayNumber(today);
  if (daysLeft < 0) return 'expired';
  return daysLeft <= expiryWarningDays ? 'expiresSoon' : 'valid';
}
