import 'i18next';
import type account from '../features/account/i18n/vi.json';
import type agreements from '../features/agreements/i18n/vi.json';
import type auth from '../features/auth/i18n/vi.json';
import type history from '../features/history/i18n/vi.json';
import type organisations from '../features/organisations/i18n/vi.json';
import type plan from '../features/plan/i18n/vi.json';
import type search from '../features/search/i18n/vi.json';
import type tasks from '../features/tasks/i18n/vi.json';
import type thread from '../features/thread/i18n/vi.json';
import type shared from './vi.json';

// Vietnamese is the reference language: every key used in code must exist in the vi.json of its
// namespace. `translation` is the shared namespace; each feature's namespace is named after its folder.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    fallbackNS: 'translation';
    resources: {
      translation: typeof shared;
      account: typeof account;
      agreements: typeof agreements;
      auth: typeof auth;
      history: typeof history;
      organisations: typeof organisations;
      plan: typeof plan;
      search: typeof search;
      tasks: typeof tasks;
      thread: typeof thread;
    };
    returnNull: false;
  }
}
