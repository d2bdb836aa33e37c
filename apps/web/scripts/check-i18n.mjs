#!/usr/bin/env node
// Every key in vi.json (the reference language) must exist in en.json and the other way round,
// with the same {{placeholders}}. Runs before every build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/i18n');
const load = (lang) => JSON.parse(fs.readFileSync(path.join(dir, `${lang}.json`), 'utf8'));

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

const vi = flatten(load('vi'));
const en = flatten(load('en'));
const problems = [];
for (const key of vi.keys()) if (!en.has(key)) problems.push(`en.json lacks ${key}`);
for (const key of en.keys()) if (!vi.has(key)) problems.push(`vi.json lacks ${key}`);
for (const [key, text] of vi) {
  const other = en.get(key);
  if (other === undefined) continue;
  if (text.trim() === '' || other.trim() === '') problems.push(`${key} is empty`);
  if (placeholders(text) !== placeholders(other))
    problems.push(`${key}: placeholders differ (vi: ${placeholders(text)}; en: ${placeholders(other)})`);
}

// Every error code and every field issue of the domain has its translation: the client
// translates answers by code, never by matching the server's English text.
const errorsTs = fs.readFileSync(path.resolve(dir, '../../../../packages/domain/src/errors.ts'), 'utf8');
const block = (name) => {
  const start = errorsTs.indexOf(`export const ${name} = {`);
  if (start < 0) throw new Error(`check-i18n: ${name} not found in packages/domain/src/errors.ts`);
  const body = errorsTs.slice(start, errorsTs.indexOf('} as const', start));
  return [...body.matchAll(/^\s+([A-Za-z_]+):/gm)].map((m) => m[1]);
};
for (const code of block('errorCodes'))
  if (!vi.has(`errors.${code}`)) problems.push(`error code ${code} has no translation (errors.${code})`);
for (const key of block('fieldIssues'))
  if (!vi.has(`fieldErrors.${key}`)) problems.push(`field issue ${key} has no translation (fieldErrors.${key})`);

if (problems.length > 0) {
  console.error(`i18n: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`i18n: vi and en agree on ${vi.size} keys`);
