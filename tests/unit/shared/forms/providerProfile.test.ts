import { describe, expect, it } from 'vitest';
import {
  checkCertification,
  checkContact,
  checkNewProvider,
  checkProfile,
  checkSite,
  maxSiteLanguages,
  providerTextLimits,
} from '../../../../shared/forms/providerProfile';
import type {
  CertificationInput,
  ContactInput,
  FormResult,
  NewProviderInput,
  ProfileInput,
  SiteContext,
  SiteInput,
} from '../../../../shared/forms/providerProfile';

function errorsOf<T, F extends string>(result: FormResult<T, F>) {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

function valueOf<T, F extends string>(result: FormResult<T, F>): T {
  if (!result.ok) throw new Error(`expected a value, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

const key = (name: string) => `providerRecord.errors.${name}`;

describe('checkNewProvider', () => {
  const existing = [
    { name: 'North Contact Centre', code: 'RX1' },
    { name: 'Harbour Services', code: null },
  ];
  const valid: NewProviderInput = { name: '  Pune Process Partners ', code: ' PPP-01 ', lifecycle: 'prospect' };

  it('trims name and code', () => {
    expect(valueOf(checkNewProvider(valid, existing))).toEqual({ name: 'Pune Process Partners', code: 'PPP-01', lifecycle: 'prospect' });
  });

  it('stores an empty code as null', () => {
    expect(valueOf(checkNewProvider({ ...valid, code: '   ' }, existing)).code).toBeNull();
  });

  it('rejects an empty name', () => {
    expect(errorsOf(checkNewProvider({ ...valid, name: '  ' }, existing)).name).toEqual({ key: key('required') });
  });

  it('rejects a name over the limit', () => {
    const name = 'x'.repeat(providerTextLimits.name + 1);
    expect(errorsOf(checkNewProvider({ ...valid, name }, existing)).name).toEqual({ key: key('tooLong'), values: { max: 200 } });
  });

  it('accepts a name at the limit', () => {
    const name = 'x'.repeat(providerTextLimits.name);
    expect(valueOf(checkNewProvider({ ...valid, name }, existing)).name).toBe(name);
  });

  it('rejects a taken name in any case', () => {
    expect(errorsOf(checkNewProvider({ ...valid, name: ' harbour SERVICES ' }, existing)).name).toEqual({ key: key('nameTaken') });
  });

  it('rejects a taken code in any case', () => {
    expect(errorsOf(checkNewProvider({ ...valid, code: 'rx1' }, existing)).code).toEqual({ key: key('codeTaken') });
  });

  it('rejects a code with spaces', () => {
    expect(errorsOf(checkNewProvider({ ...valid, code: 'PP 01' }, existing)).code).toEqual({ key: key('codeSpaces') });
  });

  it('rejects a code over the limit', () => {
    const code = 'C'.repeat(providerTextLimits.code + 1);
    expect(errorsOf(checkNewProvider({ ...valid, code }, existing)).code?.key).toBe(key('tooLong'));
  });

  it('rejects an unknown lifecycle', () => {
    expect(errorsOf(checkNewProvider({ ...valid, lifecycle: 'retired' }, existing)).lifecycle).toEqual({ key: key('invalidChoice') });
  });

  it('reports every invalid field at once', () => {
    const errors = errorsOf(checkNewProvider({ name: '', code: 'RX1', lifecycle: '' }, existing));
    expect(Object.keys(errors).sort()).toEqual(['code', 'lifecycle', 'name']);
  });
});

describe('checkProfile', () => {
  const valid: ProfileInput = {
    legalEntity: ' Pune Process Partners Pvt Ltd ',
    parentCompany: '',
    serviceKinds: ['operational', 'knowledge', 'operational'],
    serviceAudiences: ['internal'],
    tier: '2',
    criticality: 'high',
    lifecycle: 'onboarding',
    financialRating: '',
  };

  it('converts the form to profile fields', () => {
    expect(valueOf(checkProfile(valid))).toEqual({
      legalEntity: 'Pune Process Partners Pvt Ltd',
      parentCompany: '',
      serviceKinds: ['knowledge', 'operational'],
      serviceAudiences: ['internal'],
      tier: 2,
      criticality: 'high',
      lifecycle: 'onboarding',
      financialRating: null,
    });
  });

  it('stores empty choices as null', () => {
    const profile = valueOf(checkProfile({ ...valid, tier: '', criticality: '', financialRating: '' }));
    expect(profile.tier).toBeNull();
    expect(profile.criticality).toBeNull();
    expect(profile.financialRating).toBeNull();
  });

  it('rejects a tier outside 1 to 3', () => {
    expect(errorsOf(checkProfile({ ...valid, tier: '4' })).tier).toEqual({ key: key('invalidChoice') });
  });

  it('rejects an unknown service kind', () => {
    expect(errorsOf(checkProfile({ ...valid, serviceKinds: ['robotic'] })).serviceKinds).toEqual({ key: key('invalidChoice') });
  });

  it('rejects an unknown audience', () => {
    expect(errorsOf(checkProfile({ ...valid, serviceAudiences: ['partners'] })).serviceAudiences).toEqual({ key: key('invalidChoice') });
  });

  it('rejects an unknown criticality', () => {
    expect(errorsOf(checkProfile({ ...valid, criticality: 'extreme' })).criticality).toEqual({ key: key('invalidChoice') });
  });

  it('requires a lifecycle', () => {
    expect(errorsOf(checkProfile({ ...valid, lifecycle: '' })).lifecycle).toEqual({ key: key('invalidChoice') });
  });

  it('rejects an unknown financial rating', () => {
    expect(errorsOf(checkProfile({ ...valid, financialRating: 'AAA' })).financialRating).toEqual({ key: key('invalidChoice') });
  });

  it('rejects a legal entity over the limit', () => {
    const legalEntity = 'x'.repeat(providerTextLimits.legalEntity + 1);
    expect(errorsOf(checkProfile({ ...valid, legalEntity })).legalEntity).toEqual({ key: key('tooLong'), values: { max: 200 } });
  });

  it('rejects a parent company over the limit', () => {
    const parentCompany = 'x'.repeat(providerTextLimits.parentCompany + 1);
    expect(errorsOf(checkProfile({ ...valid, parentCompany })).parentCompany?.key).toBe(key('tooLong'));
  });
});

describe('checkSite', () => {
  const context: SiteContext = { decimalSeparator: ',', calendarIds: ['cal-1'], countryCodes: new Set(['IN', 'PH', 'GB']), locale: 'fr-FR' };
  const valid: SiteInput = {
    country: 'IN',
    city: ' Pune ',
    deliveryModel: 'offshore',
    fte: '40',
    languages: 'en, HI',
    timeZone: 'Asia/Kolkata',
    calendarId: 'cal-1',
  };

  it('converts the form to site data', () => {
    expect(valueOf(checkSite(valid, context))).toEqual({
      country: 'IN',
      city: 'Pune',
      deliveryModel: 'offshore',
      fte: 40,
      languages: ['en', 'hi'],
      timeZone: 'Asia/Kolkata',
      calendarId: 'cal-1',
    });
  });

  it('reads FTE with the locale separator', () => {
    expect(valueOf(checkSite({ ...valid, fte: '12,5' }, context)).fte).toBe(12.5);
  });

  it('reads FTE with a point', () => {
    expect(valueOf(checkSite({ ...valid, fte: '12.5' }, context)).fte).toBe(12.5);
  });

  it('stores an empty FTE as null', () => {
    expect(valueOf(checkSite({ ...valid, fte: ' ' }, context)).fte).toBeNull();
  });

  it('rejects FTE text', () => {
    expect(errorsOf(checkSite({ ...valid, fte: 'forty' }, context)).fte).toEqual({
      key: key('fteNotNumber'),
      values: { text: 'forty', decimal: ',' },
    });
  });

  it('rejects negative FTE as out of range', () => {
    expect(errorsOf(checkSite({ ...valid, fte: '-3' }, context)).fte).toEqual({ key: key('fteNegative') });
    expect(errorsOf(checkSite({ ...valid, fte: '-0,5' }, context)).fte).toEqual({ key: key('fteNegative') });
  });

  it('accepts FTE of zero', () => {
    expect(valueOf(checkSite({ ...valid, fte: '0' }, context)).fte).toBe(0);
  });

  it.each([
    ['12,5', 12.5],
    ['1.234,5', 1234.5],
    ['1 234,25', 1234.25],
    ['12.5', 12.5],
    ['1.250', 1250],
  ])('reads de-DE style FTE %j', (fte, value) => {
    expect(valueOf(checkSite({ ...valid, fte }, context)).fte).toBe(value);
  });

  it.each([
    ['12.5', 12.5],
    ['1,234.5', 1234.5],
    ['12,5', 12.5],
    ['1,250', 1250],
  ])('reads en-GB style FTE %j', (fte, value) => {
    expect(valueOf(checkSite({ ...valid, fte }, { ...context, decimalSeparator: '.' })).fte).toBe(value);
  });

  it('rejects FTE as a percentage', () => {
    expect(errorsOf(checkSite({ ...valid, fte: '12%' }, context)).fte?.key).toBe(key('fteNotNumber'));
  });

  it('reports every site error in one check', () => {
    const errors = errorsOf(checkSite({ ...valid, city: '', fte: '-1', languages: 'xx-!!' }, context));
    expect(errors.city?.key).toBe(key('required'));
    expect(errors.fte?.key).toBe(key('fteNegative'));
    expect(errors.languages?.key).toBe(key('languageInvalid'));
  });

  it('rejects FTE with three decimals', () => {
    expect(errorsOf(checkSite({ ...valid, fte: '1,125' }, context)).fte).toEqual({ key: key('fteDecimals'), values: { digits: 2 } });
  });

  it('rejects FTE above the limit', () => {
    expect(errorsOf(checkSite({ ...valid, fte: '1000001' }, context)).fte?.key).toBe(key('fteTooLarge'));
  });

  it('requires a known country', () => {
    expect(errorsOf(checkSite({ ...valid, country: '' }, context)).country).toEqual({ key: key('countryRequired') });
    expect(errorsOf(checkSite({ ...valid, country: 'XX' }, context)).country).toEqual({ key: key('countryRequired') });
  });

  it('requires a city', () => {
    expect(errorsOf(checkSite({ ...valid, city: '  ' }, context)).city).toEqual({ key: key('required') });
  });

  it('rejects a city over the limit', () => {
    expect(errorsOf(checkSite({ ...valid, city: 'x'.repeat(providerTextLimits.city + 1) }, context)).city?.key).toBe(key('tooLong'));
  });

  it('rejects an unknown delivery model', () => {
    expect(errorsOf(checkSite({ ...valid, deliveryModel: 'remote' }, context)).deliveryModel).toEqual({ key: key('invalidChoice') });
  });

  it('names the invalid language tag', () => {
    expect(errorsOf(checkSite({ ...valid, languages: 'en, hindi_IN' }, context)).languages).toEqual({
      key: key('languageInvalid'),
      values: { tag: 'hindi_IN' },
    });
  });

  it('reads language names as tags', () => {
    expect(valueOf(checkSite({ ...valid, languages: 'English, HINDI, Filipino' }, context)).languages).toEqual(['en', 'hi', 'fil']);
  });

  it('reads names in the user locale', () => {
    expect(valueOf(checkSite({ ...valid, languages: 'anglais; espagnol' }, context)).languages).toEqual(['en', 'es']);
  });

  it('accepts no language', () => {
    expect(valueOf(checkSite({ ...valid, languages: ' ' }, context)).languages).toEqual([]);
  });

  it('rejects too many languages', () => {
    const tags = [
      'en',
      'hi',
      'fr',
      'de',
      'es',
      'it',
      'pt',
      'nl',
      'sv',
      'da',
      'fi',
      'pl',
      'cs',
      'sk',
      'hu',
      'ro',
      'bg',
      'el',
      'tr',
      'ar',
      'ta',
    ];
    expect(tags.length).toBeGreaterThan(maxSiteLanguages);
    expect(errorsOf(checkSite({ ...valid, languages: tags.join(' ') }, context)).languages).toEqual({
      key: key('languagesTooMany'),
      values: { max: maxSiteLanguages },
    });
  });

  it('rejects an unknown time zone', () => {
    expect(errorsOf(checkSite({ ...valid, timeZone: 'Asia/Pune' }, context)).timeZone).toEqual({ key: key('timeZoneInvalid') });
    expect(errorsOf(checkSite({ ...valid, timeZone: '' }, context)).timeZone).toEqual({ key: key('timeZoneInvalid') });
  });

  it('rejects an unknown calendar', () => {
    expect(errorsOf(checkSite({ ...valid, calendarId: 'cal-2' }, context)).calendarId).toEqual({ key: key('calendarUnknown') });
  });

  it('stores no calendar as null', () => {
    expect(valueOf(checkSite({ ...valid, calendarId: '' }, context)).calendarId).toBeNull();
  });
});

describe('checkCertification', () => {
  const valid: CertificationInput = {
    standard: 'iso27001',
    name: ' Cert 12345 ',
    issuedOn: '2024-03-01',
    expiresOn: '2027-02-28',
    evidence: ' Certificate PDF in the contract folder ',
  };

  it('converts the form to certification data', () => {
    expect(valueOf(checkCertification(valid))).toEqual({
      standard: 'iso27001',
      name: 'Cert 12345',
      issuedOn: '2024-03-01',
      expiresOn: '2027-02-28',
      evidence: 'Certificate PDF in the contract folder',
    });
  });

  it('stores empty dates as null', () => {
    const certification = valueOf(checkCertification({ ...valid, issuedOn: '', expiresOn: '' }));
    expect(certification.issuedOn).toBeNull();
    expect(certification.expiresOn).toBeNull();
  });

  it('rejects an expiry before the issue date', () => {
    expect(errorsOf(checkCertification({ ...valid, expiresOn: '2024-02-29' })).expiresOn).toEqual({
      key: key('expiresBeforeIssued'),
      values: { issuedOn: '2024-03-01' },
    });
  });

  it('accepts an expiry on the issue date', () => {
    expect(valueOf(checkCertification({ ...valid, expiresOn: '2024-03-01' })).expiresOn).toBe('2024-03-01');
  });

  it('rejects an impossible date', () => {
    expect(errorsOf(checkCertification({ ...valid, issuedOn: '2023-02-29' })).issuedOn).toEqual({ key: key('dateInvalid') });
  });

  it('reports expiry before issue with other errors', () => {
    const evidence = 'x'.repeat(providerTextLimits.evidence + 1);
    const errors = errorsOf(checkCertification({ ...valid, standard: 'other', name: '', expiresOn: '2024-02-29', evidence }));
    expect(errors.expiresOn?.key).toBe(key('expiresBeforeIssued'));
    expect(errors.name?.key).toBe(key('standardNameRequired'));
    expect(errors.evidence?.key).toBe(key('tooLong'));
  });

  it('requires the name of an other standard', () => {
    expect(errorsOf(checkCertification({ ...valid, standard: 'other', name: ' ' })).name).toEqual({ key: key('standardNameRequired') });
  });

  it('rejects an unknown standard', () => {
    expect(errorsOf(checkCertification({ ...valid, standard: 'iso9999' })).standard).toEqual({ key: key('invalidChoice') });
  });

  it('rejects evidence over the limit', () => {
    const evidence = 'x'.repeat(providerTextLimits.evidence + 1);
    expect(errorsOf(checkCertification({ ...valid, evidence })).evidence).toEqual({ key: key('tooLong'), values: { max: 2000 } });
  });
});

describe('checkContact', () => {
  const valid: ContactInput = {
    side: 'provider',
    role: 'accountManager',
    name: ' Asha Rao ',
    email: ' asha.rao@example.com ',
    phone: '+91 20 1234 5678',
  };

  it('converts the form to contact data', () => {
    expect(valueOf(checkContact(valid))).toEqual({
      side: 'provider',
      role: 'accountManager',
      name: 'Asha Rao',
      email: 'asha.rao@example.com',
      phone: '+91 20 1234 5678',
    });
  });

  it('accepts empty email and phone', () => {
    const contact = valueOf(checkContact({ ...valid, email: '', phone: '' }));
    expect(contact.email).toBe('');
    expect(contact.phone).toBe('');
  });

  it('rejects an invalid email', () => {
    expect(errorsOf(checkContact({ ...valid, email: 'asha.rao@' })).email).toEqual({ key: key('emailInvalid') });
    expect(errorsOf(checkContact({ ...valid, email: 'asha rao@example.com' })).email).toEqual({ key: key('emailInvalid') });
  });

  it('accepts phone numbers with extensions', () => {
    expect(valueOf(checkContact({ ...valid, phone: '(020) 7946-0958 ext. 12' })).phone).toBe('(020) 7946-0958 ext. 12');
    expect(valueOf(checkContact({ ...valid, phone: '020 7946 0958 x3' })).phone).toBe('020 7946 0958 x3');
  });

  it('rejects a phone with letters', () => {
    expect(errorsOf(checkContact({ ...valid, phone: 'call reception' })).phone).toEqual({ key: key('phoneInvalid') });
  });

  it('rejects a role of the other side', () => {
    expect(errorsOf(checkContact({ ...valid, role: 'programmeManager' })).role).toEqual({ key: key('roleNotForSide') });
  });

  it('accepts other on both sides', () => {
    expect(valueOf(checkContact({ ...valid, role: 'other' })).role).toBe('other');
    expect(valueOf(checkContact({ ...valid, side: 'client', role: 'other' })).side).toBe('client');
  });

  it('requires a name', () => {
    expect(errorsOf(checkContact({ ...valid, name: '' })).name).toEqual({ key: key('required') });
  });

  it('reports a role of the other side with a missing name', () => {
    const errors = errorsOf(checkContact({ ...valid, name: '', role: 'programmeManager' }));
    expect(errors.name).toEqual({ key: key('required') });
    expect(errors.role).toEqual({ key: key('roleNotForSide') });
  });

  it('rejects an unknown side', () => {
    expect(errorsOf(checkContact({ ...valid, side: 'both' })).side).toEqual({ key: key('invalidChoice') });
  });
});
