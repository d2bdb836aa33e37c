import type { FlatNamespace, InitOptions, ParseKeys, TOptions } from 'i18next';
import en from './en.json';
import vi from './vi.json';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * The shell's strings and everything more than one feature uses (enum labels, field names, errors):
 * bundled, so the first page paints without waiting for a translation file.
 */
export const SHARED_NAMESPACE = 'translation';

/** A feature's own strings, features/<feature>/i18n/<language>.json, loaded with the feature. */
export type FeatureNamespace = Exclude<FlatNamespace, typeof SHARED_NAMESPACE>;

/**
 * The t() of any namespace, for shared code that only reads shared keys (field errors, error
 * messages): every namespace falls back to the shared one, so a feature passes its own t.
 */
export type SharedTFunction = (key: ParseKeys<typeof SHARED_NAMESPACE>, options?: TOptions) => string;

/**
 * What the app and the tests set up alike; the app adds the language and the feature backend. A
 * fresh object each call: i18next adds the namespaces it loads to `resources` and `ns`.
 */
export function sharedOptions() {
  return {
    resources: { vi: { [SHARED_NAMESPACE]: vi }, en: { [SHARED_NAMESPACE]: en } },
    ns: [SHARED_NAMESPACE],
    defaultNS: SHARED_NAMESPACE,
    // A feature's t() also finds the shared keys: `useTranslation('plan')` reads plan's and the shared ones.
    fallbackNS: SHARED_NAMESPACE,
    // No fallback language: check-i18n fails the build unless en has every key vi has, and a fallback
    // would make every English page fetch the Vietnamese files too.
    fallbackLng: false,
    supportedLngs: languages,
    interpolation: { escapeValue: false },
    returnNull: false,
  } satisfies InitOptions;
}
