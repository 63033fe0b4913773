import { describe, expect, it } from 'vitest';
import {
  countryName,
  countryOptions,
  countryTimeZones,
  currentZoneName,
  defaultTimeZone,
  isoCountryCodes,
  languageName,
  timeZoneOptions,
} from '../../../../../../renderer/src/features/providerRecord/countries';
import { isKnownTimeZone } from '../../../../../../shared/forms/providerProfile';

describe('isoCountryCodes', () => {
  it('lists 249 distinct codes', () => {
    expect(isoCountryCodes).toHaveLength(249);
    expect(new Set(isoCountryCodes).size).toBe(249);
  });

  it('lists codes in order', () => {
    expect([...isoCountryCodes].sort()).toEqual(isoCountryCodes);
  });

  it('has an English name for every code', () => {
    const unnamed = isoCountryCodes.filter((code) => countryName(code, 'en') === code);
    expect(unnamed).toEqual([]);
  });
});

describe('countryOptions', () => {
  it('sorts by name in the locale', () => {
    const names = countryOptions('en').map((option) => option.name);
    expect(names.indexOf('India')).toBeLessThan(names.indexOf('Philippines'));
    expect(names[0]).toBe('Afghanistan');
  });

  it('names countries in German', () => {
    expect(countryOptions('de').find((option) => option.code === 'DE')?.name).toBe('Deutschland');
  });
});

describe('languageName', () => {
  it('names languages', () => {
    expect(languageName('hi', 'en')).toBe('Hindi');
    expect(languageName('fr-CA', 'en')).toBe('Canadian French');
  });
});

describe('time zones', () => {
  it('uses current IANA names', () => {
    expect(currentZoneName('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(currentZoneName('Europe/London')).toBe('Europe/London');
  });

  it('offers Asia/Kolkata, not Asia/Calcutta', () => {
    const zones = timeZoneOptions();
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).not.toContain('Asia/Calcutta');
  });

  it('offers only zones that Intl accepts', () => {
    const rejected = timeZoneOptions().filter((zone) => !isKnownTimeZone(zone));
    expect(rejected).toEqual([]);
  });

  it('lists the zones of India', () => {
    expect(countryTimeZones('IN')).toEqual(['Asia/Kolkata']);
  });

  it('defaults to the only zone', () => {
    expect(defaultTimeZone('IN', 'Europe/London')).toBe('Asia/Kolkata');
  });

  it('keeps the user zone in its country', () => {
    expect(defaultTimeZone('US', 'America/Los_Angeles')).toBe('America/Los_Angeles');
  });

  it('defaults to the main zone', () => {
    expect(defaultTimeZone('US', 'Europe/London')).toBe('America/New_York');
  });

  it('falls back to the user zone', () => {
    expect(defaultTimeZone('AQ', 'Europe/London')).toBe('Europe/London');
  });
});
