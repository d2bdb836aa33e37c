import path from 'node:path';
import pg from 'pg';
import { projectDir } from '../../../apps/server/src/config.js';
import { benchFileStoreEnv } from '../data/evidence-store.js';
import type { Budgets } from '../harness/budgets.js';
import { findFixtures } from '../harness/fixtures.js';
import { startProcess } from '../harness/processes.js';
import type { WebResult } from '../harness/report.js';
import { measureInitialJs } from './bundle.js';
import { CHROMIUM_HINT, findChromium, runLighthouse, type LighthouseReport } from './lighthouse.js';
import { signIn } from './sign-in.js';

/** The agreement page's marks (apps/web): its header drawn, and the plan tab's first rows drawn. */
const AGREEMENT_SHOWN = 'accord:agreement-shown';
const PLAN_FIRST_ROWS = 'accord:plan-first-rows';

/**
 * When the plan's first rows were drawn, from the navigation's start, and how long after the
 * agreement's page itself: the plan's own share of the first screen, apart from loading the app.
 */
function firstRowsOf(report: LighthouseReport): { firstRowsMs?: number; planShareMs?: number } {
  const rows = report.marks[PLAN_FIRST_ROWS];
  const shown = report.marks[AGREEMENT_SHOWN];
  if (rows === undefined) return {};
  return shown === undefined ? { firstRowsMs: rows } : { firstRowsMs: rows, planShareMs: rows - shown };
}

function initialJsMiss(kb: number, budgets: Budgets): string[] {
  return kb > budgets.web.initialJsGzipKb ? [`initial JS ${kb} KB > ${budgets.web.initialJsGzipKb} KB`] : [];
}

/**
 * The web budgets on the bench dataset: initial JavaScript from the build, and Lighthouse on the
 * agreement page of a typical agreement (median plan size among the coordinator's), desktop and
 * mobile presets; the largest agreement's page is measured too and reported.
 */
export async function measureWeb(o: {
  databaseUrl: string;
  password: string;
  budgets: Budgets;
  log: (line: string) => void;
  chromePath?: string;
}): Promise<WebResult> {
  const bundle = await measureInitialJs(path.join(projectDir, 'apps/web/dist'));
  const agreementRoute = Object.entries(bundle.routes).find(([route]) => /agreement-page/.test(route))?.[1];
  const initialJsGzipKb = Math.round((bundle.initialJsGzipBytes / 1024) * 10) / 10;
  const agreementRouteGzipKb = agreementRoute === undefined ? {} : { agreementRouteGzipKb: Math.round((agreementRoute / 1024) * 10) / 10 };
  const chromePath = o.chromePath ?? findChromium();
  if (!chromePath) {
    // The server's figures are kept; the web's budgets are not met, since they were not measured.
    const failed = `Lighthouse not run: no Chromium on this machine; ${CHROMIUM_HINT}`;
    o.log(failed);
    return { initialJsGzipKb, ...agreementRouteGzipKb, failed, overBudget: [...initialJsMiss(initialJsGzipKb, o.budgets), failed] };
  }
  const db = new pg.Pool({ connectionString: o.databaseUrl, max: 2 });
  const app = await startProcess(
    'apps/server/src/server.ts',
    { DATABASE_URL: o.databaseUrl, ACCORD_DEMO: 'false', ...benchFileStoreEnv(o.databaseUrl) },
    '/api/health',
  );
  try {
    const fixtures = await findFixtures(db);
    const { rows } = await db.query<{ id: string; n: number }>(
      `WITH mine AS (
         SELECT t.agreement_id AS id, count(*)::int AS n FROM tasks t
         WHERE t.deleted_at IS NULL AND t.agreement_id IN (SELECT agreement_id FROM agreement_parties WHERE organisation_id = $1)
         GROUP BY 1)
       SELECT id, n FROM mine ORDER BY n LIMIT 1 OFFSET (SELECT count(*) / 2 FROM mine)`,
      [fixtures.large.governmentOrgId],
    );
    const typical = rows[0] ?? { id: fixtures.large.id, n: fixtures.large.tasks };
    const session = await signIn(app.url, fixtures.coordinator, o.password);
    const measure = async (id: string, preset: 'desktop' | 'mobile') => {
      o.log(`Lighthouse (${preset}) on /agreements/${id}`);
      return runLighthouse({
        url: `${app.url}/agreements/${id}`,
        cookieHeader: session.cookieHeader,
        preset,
        chromePath,
      });
    };
    const desktop = await measure(typical.id, 'desktop');
    const mobile = await measure(typical.id, 'mobile');
    // The largest plan is reported, not budgeted; a page that never settles is a finding, not a crash.
    const largeDesktop = await measure(fixtures.large.id, 'desktop').catch((error: unknown) => {
      o.log(`Lighthouse on the largest agreement failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
    const result: WebResult = {
      initialJsGzipKb,
      ...agreementRouteGzipKb,
      lighthouse: {
        page: `agreement page (${typical.n} tasks)`,
        tasks: typical.n,
        desktop: desktop.score,
        mobile: mobile.score,
        lcpMs: desktop.metrics.lcp,
        tbtMs: desktop.metrics.tbt,
        ...firstRowsOf(desktop),
      },
      largest: largeDesktop
        ? {
            tasks: fixtures.large.tasks,
            desktop: largeDesktop.score,
            lcpMs: largeDesktop.metrics.lcp,
            tbtMs: largeDesktop.metrics.tbt,
            ...firstRowsOf(largeDesktop),
            findings: largeDesktop.findings.slice(0, 5).map((f) => f.title),
          }
        : { tasks: fixtures.large.tasks, failed: 'Lighthouse gave up (PROTOCOL_TIMEOUT): the page did not become idle' },
      overBudget: [],
    };
    result.overBudget.push(...initialJsMiss(initialJsGzipKb, o.budgets));
    const largestShare = largeDesktop ? firstRowsOf(largeDesktop).planShareMs : undefined;
    if (largestShare === undefined)
      result.overBudget.push(`the largest plan's first rows were not measured (no ${PLAN_FIRST_ROWS} and ${AGREEMENT_SHOWN} marks)`);
    else if (largestShare > o.budgets.web.planFirstRowsMs)
      result.overBudget.push(`the largest plan's first rows ${largestShare} ms after its page > ${o.budgets.web.planFirstRowsMs} ms`);
    if (desktop.score < o.budgets.web.lighthouseScore)
      result.overBudget.push(`Lighthouse ${desktop.score} < ${o.budgets.web.lighthouseScore}`);
    return result;
  } finally {
    await app.stop();
    await db.end();
  }
}
