import type { BackendModule, ResourceLanguage } from 'i18next';

/**
 * Every feature's translations, features/<feature>/i18n/<language>.json, each a module of its own
 * that is imported only when i18next first needs that namespace in that language: Vite makes each
 * file its own small chunk, so a page's strings arrive with the page, not with the shell.
 */
const files = import.meta.glob<ResourceLanguage>('../features/*/i18n/*.json', { import: 'default' });

const fileOf = (namespace: string, language: string) => `../features/${namespace}/i18n/${language}.json`;

/** The namespaces that have their own files: one per feature folder with an i18n/ folder. */
export const featureNamespaces: readonly string[] = [...new Set(Object.keys(files).map((file) => file.split('/')[2] ?? ''))].sort();

/**
 * An i18next backend that reads a feature's namespace from its lazy JSON module. The shared
 * namespace is bundled with the shell (i18next never asks for it); anything else is an error, so a
 * typo in a namespace shows in the console instead of as raw keys.
 */
export const featureBackend: BackendModule = {
  type: 'backend',
  callbackApi: false,
  init() {},
  read(language: string, namespace: string) {
    const load = files[fileOf(namespace, language)];
    if (!load) return Promise.reject(new Error(`i18n: no translations for namespace "${namespace}" in "${language}"`));
    return load();
  },
};
