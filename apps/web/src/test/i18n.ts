import i18next, { type FlatNamespace, type Resource, type ResourceLanguage, type TFunction } from 'i18next';
import { sharedOptions, type Language } from '../i18n/config';

/** Every feature's namespace, bundled: tests read them at once instead of through the lazy backend. */
const featureFiles = import.meta.glob<ResourceLanguage>('../features/*/i18n/*.json', { import: 'default', eager: true });

function allResources(): Resource {
  const resources: Resource = sharedOptions().resources;
  for (const [file, data] of Object.entries(featureFiles)) {
    const [, namespace = '', language = ''] = /features\/([^/]+)\/i18n\/([^/]+)\.json$/.exec(file) ?? [];
    (resources[language] ??= {})[namespace] = data;
  }
  return resources;
}

/**
 * The app's own translations, for tests that check the text a user reads: the t() of a namespace
 * (the shared one unless told), with the shared keys behind it as in the app. A fresh instance:
 * the app's i18n module touches localStorage and the document, which unit tests do without.
 */
export function translator<Ns extends FlatNamespace = 'translation'>(language: Language = 'vi', ns?: Ns): TFunction<Ns> {
  const i18n = i18next.createInstance();
  void i18n.init({ ...sharedOptions(), resources: allResources(), lng: language, initAsync: false });
  return i18n.getFixedT(language, ns ?? null);
}
