import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';

export const defaultLanguage = 'en';

/**
 * Starts i18next with every bundled language. `language` is the user's locale (for example
 * `en-GB`): it picks the translation, falling back to English, and the plural rules and number
 * formats of `{{count, number}}`. Resources are bundled, so this never waits for the network.
 */
export async function initI18n(language: string = defaultLanguage): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: defaultLanguage,
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export { i18next };
