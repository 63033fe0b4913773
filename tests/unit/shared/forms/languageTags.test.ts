import { describe, expect, it } from 'vitest';
import { parseLanguageTags } from '../../../../shared/forms/languageTags';

describe('parseLanguageTags', () => {
  it('canonicalises and drops repeats', () => {
    expect(parseLanguageTags('EN-gb; fr-CA,en-GB  hi')).toEqual({ tags: ['en-GB', 'fr-CA', 'hi'] });
  });

  it('keeps the region upper case', () => {
    expect(parseLanguageTags('EN, es-419, pt-br')).toEqual({ tags: ['en', 'es-419', 'pt-BR'] });
  });

  it('reads English names in any case', () => {
    expect(parseLanguageTags('English, hindi, FILIPINO, Scottish Gaelic')).toEqual({ tags: ['en', 'hi', 'fil', 'gd'] });
  });

  it('reads a name and its tag once', () => {
    expect(parseLanguageTags('English, en')).toEqual({ tags: ['en'] });
  });

  it('reads names of the given locale', () => {
    expect(parseLanguageTags('Englisch, Französisch', ['de'])).toEqual({ tags: ['en', 'fr'] });
  });

  it('reads words of several languages', () => {
    expect(parseLanguageTags('English Hindi')).toEqual({ tags: ['en', 'hi'] });
  });

  it('returns the first invalid tag', () => {
    expect(parseLanguageTags('en, 12, x')).toEqual({ invalid: '12' });
  });

  it('rejects a tag of no known language', () => {
    expect(parseLanguageTags('en, Englsh')).toEqual({ invalid: 'Englsh' });
    expect(parseLanguageTags('qq')).toEqual({ invalid: 'qq' });
  });

  it('returns no tags for blank text', () => {
    expect(parseLanguageTags(' , ;')).toEqual({ tags: [] });
  });
});
