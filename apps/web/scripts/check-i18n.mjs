#!/usr/bin/env node
// The translations, namespace by namespace: the shared one (src/i18n/) and each feature's own
// (src/features/<feature>/i18n/). In each, every key in vi.json (the reference language) must exist
// in en.json and the other way round, with the same {{placeholders}}; no key may live in two
// namespaces (a feature's t() falls back to the shared one, so a twin would hide the other); every
// error code and field issue of the domain is translated in the shared namespace. Runs before every build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');
const languages = ['vi', 'en'];
const SHARED = 'translation';

/** Namespace name → the folder holding its vi.json and en.json. */
const namespaces = new Map([[SHARED, path.join(src, 'i18n')]]);
for (const feature of fs.readdirSync(path.join(src, 'features')).sort()) {
  const dir = path.join(src, 'features', feature, 'i18n');
  if (fs.existsSync(dir)) namespaces.set(feature, dir);
}

function flatten(node, prefix = '', out = new Map()) {
  for (const [key, value] of Object.entries(node)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') flatten(value, name, out);
    else out.set(name, String(value));
  }
  return out;
}

const placeholders = (text) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

const problems = [];
/** Namespace → its Vietnamese keys and texts. */
const reference = new Map();
for (const [ns, dir] of namespaces) {
  const where = path.relative(path.dirname(src), dir);
  const files = fs.readdirSync(dir).filter((file) => file.endsWith('.json'));
  for (const file of files)
    if (!languages.includes(path.basename(file, '.json'))) problems.push(`${where}/${file}: not one of ${languages.join(', ')}`);
  const [vi, en] = languages.map((lang) => {
    const file = path.join(dir, `${lang}.json`);
    if (fs.existsSync(file)) return flatten(JSON.parse(fs.readFileSync(file, 'utf8')));
    problems.push(`${where}/${lang}.json is missing`);
    return new Map();
  });
  reference.set(ns, vi);
  for (const key of vi.keys()) if (!en.has(key)) problems.push(`${where}/en.json lacks ${key}`);
  for (const key of en.keys()) if (!vi.has(key)) problems.push(`${where}/vi.json lacks ${key}`);
  for (const [key, text] of vi) {
    const other = en.get(key);
    if (other === undefined) continue;
    if (text.trim() === '' || other.trim() === '') problems.push(`${ns}: ${key} is empty`);
    if (placeholders(text) !== placeholders(other))
      problems.push(`${ns}: ${key}: placeholders differ (vi: ${placeholders(text)}; en: ${placeholders(other)})`);
  }
}

const owner = new Map();
for (const [ns, keys] of reference)
  for (const key of keys.keys()) {
    if (owner.has(key)) problems.push(`${key} is in two namespaces: ${owner.get(key)} and ${ns}`);
    else owner.set(key, ns);
  }

// Every error code and every field issue of the domain has its translation, in the shared
// namespace (shared code translates them, on any page): the client translates answers by code,
// never by matching the server's English text.
const shared = reference.get(SHARED);
const errorsTs = fs.readFileSync(path.resolve(src, '../../../packages/domain/src/errors.ts'), 'utf8');
const block = (name) => {
  const start = errorsTs.indexOf(`export const ${name} = {`);
  if (start < 0) throw new Error(`check-i18n: ${name} not found in packages/domain/src/errors.ts`);
  const body = errorsTs.slice(start, errorsTs.indexOf('} as const', start));
  return [...body.matchAll(/^\s+([A-Za-z_]+):/gm)].map((m) => m[1]);
};
for (const code of block('errorCodes'))
  if (!shared.has(`errors.${code}`)) problems.push(`error code ${code} has no translation in the shared namespace (errors.${code})`);
for (const key of block('fieldIssues'))
  if (!shared.has(`fieldErrors.${key}`))
    problems.push(`field issue ${key} has no translation in the shared namespace (fieldErrors.${key})`);

if (problems.length > 0) {
  console.error(`i18n: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const counts = [...reference].map(([ns, keys]) => `${ns === SHARED ? `${ns} (shared)` : ns} ${keys.size}`);
console.log(`i18n: vi and en agree on ${owner.size} keys in ${reference.size} namespaces: ${counts.join(', ')}`);
