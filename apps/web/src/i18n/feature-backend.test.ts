import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import planEn from '../features/plan/i18n/en.json';
import planVi from '../features/plan/i18n/vi.json';
import { sharedOptions } from './config';
import { featureBackend, featureNamespaces } from './feature-backend';

/** An instance set up as the app's (i18n/index.ts), without the DOM and localStorage. */
async function appLikeI18n(lng: 'vi' | 'en') {
  const i18n = i18next.createInstance().use(featureBackend);
  await i18n.init({ ...sharedOptions(), partialBundledLanguages: true, lng });
  return i18n;
}

function keysOf(node: object, prefix = ''): string[] {
  return Object.entries(node).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keysOf(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('the feature backend', () => {
  it('knows a namespace for every feature with translations', () => {
    expect(featureNamespaces).toEqual(['account', 'agreements', 'auth', 'history', 'organisations', 'plan', 'search', 'tasks', 'thread']);
  });

  it('loads a feature namespace only when asked, in the current language only', async () => {
    const i18n = await appLikeI18n('vi');
    expect(i18n.hasResourceBundle('vi', 'plan')).toBe(false);
    expect(i18n.t('plan.addTask', { ns: 'plan' })).toBe('plan.addTask');

    await i18n.loadNamespaces('plan');
    expect(i18n.t('plan.addTask', { ns: 'plan' })).toBe(planVi.plan.addTask);
    expect(i18n.hasResourceBundle('en', 'plan')).toBe(false);
    expect(i18n.hasResourceBundle('vi', 'tasks')).toBe(false);
  });

  it('loads the namespaces already in use in the new language before it switches', async () => {
    const i18n = await appLikeI18n('vi');
    await i18n.loadNamespaces('plan');
    const switched = i18n.changeLanguage('en');
    // Until the English file is in, the page keeps its Vietnamese strings instead of showing keys.
    expect(i18n.language).toBe('vi');
    await switched;
    expect(i18n.language).toBe('en');
    expect(i18n.t('plan.addTask', { ns: 'plan' })).toBe(planEn.plan.addTask);
    expect(planEn.plan.addTask).not.toBe(planVi.plan.addTask);
  });

  it("gives a feature's t() the shared keys as well", async () => {
    const i18n = await appLikeI18n('en');
    await i18n.loadNamespaces('plan');
    const t = i18n.getFixedT('en', 'plan');
    expect(t('common.save')).toBe('Save');
    expect(t('taskStatus.in_progress')).toBe('In progress');
    expect(t('taskForm.created')).toBe(planEn.taskForm.created);
  });

  it.each(featureNamespaces)('loads %s in Vietnamese and English, with the same keys', async (ns) => {
    const i18n = await appLikeI18n('vi');
    await i18n.loadLanguages('en');
    await i18n.loadNamespaces(ns);
    const vi = i18n.getResourceBundle('vi', ns) as object;
    const en = i18n.getResourceBundle('en', ns) as object;
    expect(keysOf(vi).length).toBeGreaterThan(0);
    expect(keysOf(en).sort()).toEqual(keysOf(vi).sort());
  });

  it('fails for a namespace that has no files instead of inventing one', async () => {
    await expect(Promise.resolve(featureBackend.read('vi', 'no-such-feature', () => {}))).rejects.toThrow(/no-such-feature/);
  });
});
