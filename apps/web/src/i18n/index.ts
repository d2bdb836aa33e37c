import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, sharedOptions, type Language } from './config';
import { featureBackend } from './feature-backend';

export { isLanguage, languages, type FeatureNamespace, type Language } from './config';

const STORAGE_KEY = 'accord.language';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'vi';
  } catch {
    return 'vi';
  }
}

// The shared namespace is bundled; a feature's namespace comes from the backend the first time a
// page of that feature asks for it (the router's lazy pages, or useTranslation's Suspense), and
// changeLanguage loads every namespace asked for so far in the new language before it switches.
void i18n
  .use(featureBackend)
  .use(initReactI18next)
  .init({ ...sharedOptions(), partialBundledLanguages: true, lng: storedLanguage() });

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

applyLanguage(i18n.language);
i18n.on('languageChanged', applyLanguage);

export default i18n;
