/**
 * `npm run bench:import`: how long importing a plan from Excel takes at national scale — the
 * preview (upload, the workbook checked and read, every row matched against the country's units and
 * the plan) and the import itself (every area and task created with its history in one
 * transaction) — for a 300-row and a 10,000-row workbook, each into a fresh agreement of the large
 * agreement's parties, against the real server over loopback, one import at a time (as people
 * import). Budgets: `imports` in bench/budgets.json. Prints a table and writes .accord/bench/imports.json.
 *
 *   npm run bench:import -- [--runs 3] [--sizes 300,10000]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { projectDir } from '../../apps/server/src/config.js';
import { BENCH_PASSWORD, hasDataset } from './data/index.js';
import { planWorkbook } from './data/plan-workbook.js';
import { openBenchDatabase } from './database.js';
import { loadBudgets } from './harness/budgets.js';
import { findFixtures } from './harness/fixtures.js';
import { ACCORD_SERVER, buildServer, sampleRss, startProcess } from './harness/processes.js';
import { signIn } from './web/sign-in.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, sizes: { type: 'string', default: '300,10000' } } });
const log = (line: string) => console.log(`[bench:import] ${line}`);

interface Measured {
  rows: number;
  fileKb: number;
  previewMs: number[];
  applyMs: number[];
  /** The server's RSS at its highest, over everything and over each step. */
  peakRssMb: number;
  previewRssMb: number;
  applyRssMb: number;
  overBudget: string[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main() {
  const budgets = loadBudgets();
  const target = await openBenchDatabase({ fresh: false, log });
  const db = new pg.Pool({ connectionString: target.url, max: 2 });
  const results: Measured[] = [];
  const imported: string[] = [];
  try {
    if (!(await hasDataset(target.url))) throw new Error('The bench database has no dataset yet: run npm run bench:data first.');
    const fixtures = await findFixtures(db);
    // The units a province's office would name: those of the large agreement's parties.
    const units = await db.query<{ name: string; side: 'government' | 'enterprise' }>(
      `SELECT o.name_vi AS name, o.side FROM organisations o
       WHERE o.parent_id IN ($1, $2) AND o.valid_to IS NULL ORDER BY o.name_vi LIMIT 60`,
      [fixtures.large.governmentOrgId, fixtures.large.enterpriseOrgId],
    );
    const pool = {
      government: units.rows.filter((u) => u.side === 'government').map((u) => u.name),
      enterprise: units.rows.filter((u) => u.side === 'enterprise').map((u) => u.name),
    };
    if (pool.government.length === 0 || pool.enterprise.length === 0)
      throw new Error('The large agreement’s parties have no units below them');
    buildServer();
    const app = await startProcess(ACCORD_SERVER, { DATABASE_URL: target.url, ACCORD_DEMO: 'false', LOG_REQUESTS: 'false' }, '/api/health');
    try {
      const session = await signIn(app.url, fixtures.coordinator, BENCH_PASSWORD);
      const headers = { cookie: session.cookieHeader, 'x-csrf-token': session.csrfToken };
      for (const rows of values.sizes.split(',').map(Number)) {
        const { body } = await planWorkbook({ rows, units: pool });
        const m: Measured = {
          rows,
          fileKb: Math.round(body.length / 1024),
          previewMs: [],
          applyMs: [],
          peakRssMb: 0,
          previewRssMb: 0,
          applyRssMb: 0,
          overBudget: [],
        };
        for (let run = 0; run < Number(values.runs); run += 1) {
          const created = await fetch(`${app.url}/api/agreements`, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify({
              title: `Bench import ${rows} rows, run ${run + 1}, ${new Date().toISOString()}`,
              parties: [{ organisationId: fixtures.large.governmentOrgId }, { organisationId: fixtures.large.enterpriseOrgId }],
            }),
          });
          if (created.status !== 201) throw new Error(`creating an agreement: ${created.status} ${await created.text()}`);
          const agreementId = ((await created.json()) as { id: string }).id;
          imported.push(agreementId);
          let rss = sampleRss(app);
          let t = performance.now();
          const preview = await fetch(`${app.url}/api/agreements/${agreementId}/plan/imports?name=bench.xlsx`, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/octet-stream' },
            body: body,
          });
          m.previewMs.push(Math.round(performance.now() - t));
          m.previewRssMb = Math.max(m.previewRssMb, rss.stop());
          if (preview.status !== 201) throw new Error(`preview: ${preview.status} ${(await preview.text()).slice(0, 300)}`);
          const p = (await preview.json()) as { id: string; version: number; counts: { errors: number; toCreate: number } };
          if (p.counts.errors > 0 || p.counts.toCreate !== rows) throw new Error(`preview of ${rows} rows: ${JSON.stringify(p.counts)}`);
          rss = sampleRss(app);
          t = performance.now();
          const applied = await fetch(`${app.url}/api/agreements/${agreementId}/plan/imports/${p.id}/apply`, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json', 'if-match': `"${p.version}"` },
            body: JSON.stringify({ fixes: [] }),
          });
          m.applyMs.push(Math.round(performance.now() - t));
          m.applyRssMb = Math.max(m.applyRssMb, rss.stop());
          if (applied.status !== 200) throw new Error(`apply: ${applied.status} ${(await applied.text()).slice(0, 300)}`);
        }
        m.peakRssMb = Math.max(m.previewRssMb, m.applyRssMb);
        const budget = budgets.imports?.[String(rows)];
        if (budget && median(m.previewMs) > budget.previewMs)
          m.overBudget.push(`preview ${median(m.previewMs)} ms > ${budget.previewMs} ms`);
        if (budget && median(m.applyMs) > budget.applyMs) m.overBudget.push(`import ${median(m.applyMs)} ms > ${budget.applyMs} ms`);
        if (m.peakRssMb > budgets.serverRssMb) m.overBudget.push(`RSS ${m.peakRssMb} MB > ${budgets.serverRssMb} MB`);
        log(
          `${rows} rows (${m.fileKb} KB): preview median ${median(m.previewMs)} ms (${m.previewMs.join(', ')}), import median ${median(m.applyMs)} ms (${m.applyMs.join(', ')}), server RSS peak ${m.peakRssMb} MB (preview ${m.previewRssMb}, import ${m.applyRssMb})${m.overBudget.length ? ` — OVER: ${m.overBudget.join('; ')}` : ''}`,
        );
        results.push(m);
      }
    } finally {
      await app.stop();
    }
  } finally {
    // The imported plans are taken out again, so the dataset's largest agreement stays the one
    // the scenarios are written for (each run adds 10,000 tasks).
    await db.query('UPDATE tasks SET deleted_at = now() WHERE agreement_id = ANY($1) AND deleted_at IS NULL', [imported]);
    await db.query('UPDATE areas SET deleted_at = now() WHERE agreement_id = ANY($1) AND deleted_at IS NULL', [imported]);
    await db.end();
    await target.stop();
  }
  const out = path.join(projectDir, '.accord/bench');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'imports.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
  if (results.some((r) => r.overBudget.length > 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
