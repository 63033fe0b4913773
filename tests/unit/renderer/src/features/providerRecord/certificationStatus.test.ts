import { describe, expect, it } from 'vitest';
import { certificationStatus, expiryWarningDays } from '../../../../../../renderer/src/features/providerRecord/certificationStatus';

describe('certificationStatus', () => {
  const today = '2026-03-31';

  it('is noExpiry when backed', () => {
    expect(certificationStatus({ expiresOn: null, issuedOn: '2025-01-01', evidence: '' }, today)).toBe('noExpiry');
    expect(certificationStatus({ expiresOn: null, issuedOn: null, evidence: 'Certificate on the share' }, today)).toBe('noExpiry');
  });

  it('is unverified when bare', () => {
    expect(certificationStatus({ expiresOn: null, issuedOn: null, evidence: '  ' }, today)).toBe('unverified');
  });

  it('is valid beyond the warning window', () => {
    expect(expiryWarningDays).toBe(60);
    expect(certificationStatus({ expiresOn: '2026-05-31' }, today)).toBe('valid');
  });

  it('expires soon on the last day of the window', () => {
    // 30 days of April and 30 days of May make 60.
    expect(certificationStatus({ expiresOn: '2026-05-30' }, today)).toBe('expiresSoon');
  });

  it('expires soon on its expiry day', () => {
    expect(certificationStatus({ expiresOn: today }, today)).toBe('expiresSoon');
  });

  it('is expired the day after', () => {
    expect(certificationStatus({ expiresOn: '2026-03-30' }, today)).toBe('expired');
  });

  it('counts across a leap day', () => {
    expect(certificationStatus({ expiresOn: '2028-04-29' }, '2028-02-29')).toBe('expiresSoon');
    expect(certificationStatus({ expiresOn: '2028-04-30' }, '2028-02-29')).toBe('valid');
  });
});
