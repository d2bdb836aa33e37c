import 'i18next';
import type vi from './vi.json';

// Vietnamese is the reference language: every key used in code must exist in vi.json.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
    returnNull: false;
  }
}
