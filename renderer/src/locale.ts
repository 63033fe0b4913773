/** The user's locale for numbers, money and dates, independent of the interface language. */
export const userLocale: string = typeof navigator === 'undefined' ? 'en' : navigator.language || 'en';
