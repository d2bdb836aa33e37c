import i18next, { type TFunction } from 'i18next';
import en from '../i18n/en.json';
import vi from '../i18n/vi.json';

/**
 * The app's own translations, for tests that check the text a user reads. A fresh instance:
 * the app's i18n module touches localStorage and the document, which unit tests do without.
 */
export function translator(language: 'vi' | 'en' = 'vi'): TFunction {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: language,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18n.t;
}
