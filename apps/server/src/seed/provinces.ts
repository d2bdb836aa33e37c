import fs from 'node:fs';
import path from 'node:path';
import { projectDir } from '../config.js';
import type { DemoOrganisation } from './demo-types.js';

interface ProvincesFile {
  provinces_34: { code: string; name: string; type: string; merged_from: { old_code: string; old_name: string }[]; unchanged: boolean }[];
}

const MERGER_DAY = '2025-07-01';
const DAY_BEFORE = '2025-06-30';
// Centrally-run cities before the merger (Huế became one on 1 January 2025).
const OLD_CITIES = new Set(['01', '31', '48', '79', '92', '46']);

function committee(kind: 'tỉnh' | 'thành phố', name: string) {
  return {
    nameVi: `Ủy ban nhân dân ${kind} ${name}`,
    shortName: `UBND ${kind === 'tỉnh' ? 'tỉnh' : 'TP.'} ${name}`,
    nameEn: kind === 'tỉnh' ? `${name} Provincial People's Committee` : `${name} City People's Committee`,
  };
}

/**
 * The 34 provinces and cities in force since 1 July 2025 ('gov:<code>'), and each province that
 * merged into another as a historical organisation ('gov-old:<old code>') pointing to its successor.
 * Source: shared reference data (Resolution 202/2025/QH15, GSO letter 915/CTK-CSCL).
 */
export function provinceOrganisations(): (DemoOrganisation & { code: string; codeScheme: 'pre2025' | 'post2025' })[] {
  const file = path.join(projectDir, 'apps/server/src/seed/reference/provinces.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as ProvincesFile;
  const result: (DemoOrganisation & { code: string; codeScheme: 'pre2025' | 'post2025' })[] = [];
  for (const p of data.provinces_34) {
    const key = `gov:${p.code}`;
    const kind = p.type === 'thành phố' ? 'thành phố' : 'tỉnh';
    result.push({
      key,
      parentKey: null,
      kind: 'province',
      ...committee(kind, p.name),
      code: p.code,
      codeScheme: 'post2025',
      ...(p.unchanged ? {} : { validFrom: MERGER_DAY }),
    });
    if (p.unchanged) continue;
    for (const old of p.merged_from) {
      const oldKind = OLD_CITIES.has(old.old_code) && !/Thừa Thiên/.test(old.old_name) ? 'thành phố' : 'tỉnh';
      result.push({
        key: `gov-old:${old.old_code}`,
        parentKey: null,
        kind: 'province',
        ...committee(oldKind, old.old_name),
        code: old.old_code,
        codeScheme: 'pre2025',
        validTo: DAY_BEFORE,
        successorKey: key,
      });
    }
  }
  return result;
}
