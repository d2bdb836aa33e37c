import { describeBudget, type Budgets } from './budgets.js';
import { cpuRatio } from './cpu.js';
import type { BenchResult } from './run.js';

export interface WebResult {
  /** Undefined when the web's measurement failed before the build was read. */
  initialJsGzipKb?: number;
  /** Extra gzip KB to open the agreement page after the shell. */
  agreementRouteGzipKb?: number;
  lighthouse?: {
    page: string;
    tasks: number;
    desktop: number;
    mobile?: number;
    lcpMs: number;
    tbtMs: number;
    firstRowsMs?: number;
    planShareMs?: number;
  };
  /** The largest agreement's page, desktop: reported, not budgeted. */
  largest?:
    | { tasks: number; desktop: number; lcpMs: number; tbtMs: number; firstRowsMs?: number; planShareMs?: number; findings: string[] }
    | { tasks: number; failed: string };
  /** Why Lighthouse did not run or did not finish (no browser, a crash): its budgets then count as missed. */
  failed?: string;
  overBudget: string[];
}

function pad(cells: string[][]): string {
  const widths = cells[0]?.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length))) ?? [];
  return cells
    .map((row, r) => {
      const line = `| ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
      return r === 0 ? `${line}\n|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 2)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|` : line;
    })
    .join('\n');
}

const ms = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(1));
const share = (x: number | undefined) => (x === undefined ? '—' : `${(x * 100).toFixed(x < 0.1 ? 2 : 1)} %`);

/** The readable table: one row a scenario, with the bare baselines and the budget verdict. */
export function renderTable(r: BenchResult, budgets: Budgets, web?: WebResult): string {
  const header = [
    'scenario',
    'req/s',
    '% ceiling',
    '% floor',
    'p50 ms',
    'p95 ms',
    'p95@1 ms',
    'errors',
    'bare SQL p95',
    '× bare',
    'RSS MB',
  ];
  // CPU per request, the server's and PostgreSQL's: where the cost went when req/s moves.
  // And the bare SQL run's, its driver's process and PostgreSQL's: what the endpoint adds to the SQL.
  const rows = [[...header, 'CPU app ms', 'CPU db ms', 'bare CPU app / db', 'CPU × bare', 'budget']];
  for (const s of r.scenarios) {
    const target = describeBudget(budgets.scenarios[s.name] ?? {});
    const verdict = s.overBudget.length ? `OVER: ${s.overBudget.join('; ')}` : target ? `ok (${target})` : 'ok';
    rows.push([
      s.name,
      s.endpoint.rps.toFixed(0),
      share(s.ofCeiling),
      share(s.ofFloor),
      ms(s.endpoint.latencyMs.p50),
      ms(s.endpoint.latencyMs.p95),
      ms(s.single?.latencyMs.p95),
      String(s.endpoint.errors + (s.single?.errors ?? 0)),
      ms(s.bareSql?.latencyMs.p95),
      s.bareRatio === undefined ? '—' : s.bareRatio.toFixed(2),
      s.serverPeakRssMb.toFixed(0),
      ms(s.cpu?.serverMs),
      ms(s.cpu?.databaseMs),
      s.bareCpu ? `${ms(s.bareCpu.serverMs)} / ${ms(s.bareCpu.databaseMs)}` : '—',
      cpuRatio(s.cpu, s.bareCpu)?.toFixed(2) ?? '—',
      verdict,
    ]);
  }
  if (r.fastifyJson) {
    const f = r.fastifyJson;
    rows.push([
      '(bare Fastify JSON route)',
      f.rps.toFixed(0),
      '100 %',
      '—',
      ms(f.latencyMs.p50),
      ms(f.latencyMs.p95),
      '—',
      String(f.errors),
      '—',
      '—',
      '—',
      '—',
      '—',
      '—',
      '—',
      "framework's ceiling",
    ]);
  }
  const lines = [
    `Accord benchmark — ${r.startedAt}; ${r.machine.cpus} CPUs, Node ${r.machine.node}, PostgreSQL ${r.machine.postgres}; ` +
      `${r.options.connections} connections, ${r.options.amount ? `${r.options.amount} requests` : `${r.options.duration} s`} a run, pool ${r.options.poolSize}` +
      (r.options.single ? `; p95@1: ${r.options.single} s with one connection` : ''),
    '% ceiling: req/s as a share of the bare Fastify route in this run; % floor: of the session scenario (the cheapest signed-in request) in this run.',
    `dataset: ${Object.entries(r.dataset)
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join(', ')}`,
    '',
    pad(rows),
  ];
  for (const s of r.scenarios.filter((x) => x.note)) lines.push(`- ${s.name}: ${s.note}`);
  if (web) {
    lines.push(
      '',
      pad([
        ['web', 'value', 'budget'],
        ['initial JS (gzip KB)', web.initialJsGzipKb?.toFixed(1) ?? '—', `≤ ${budgets.web.initialJsGzipKb}`],
        ...(web.agreementRouteGzipKb === undefined ? [] : [['+ agreement page (gzip KB)', web.agreementRouteGzipKb.toFixed(1), '—']]),
        ...(web.failed ? [['Lighthouse', web.failed, `≥ ${budgets.web.lighthouseScore}`]] : []),
        ...(web.lighthouse
          ? [
              [`Lighthouse desktop, ${web.lighthouse.page}`, String(web.lighthouse.desktop), `≥ ${budgets.web.lighthouseScore}`],
              ...(web.lighthouse.mobile === undefined ? [] : [['Lighthouse mobile (throttled)', String(web.lighthouse.mobile), '—']]),
              ['LCP / TBT (desktop, ms)', `${web.lighthouse.lcpMs.toFixed(0)} / ${web.lighthouse.tbtMs.toFixed(0)}`, '—'],
              ["the plan's first rows (ms after the agreement's page; from navigation)", firstRows(web.lighthouse), '—'],
            ]
          : []),
        ...(web.largest
          ? [
              [
                `Lighthouse desktop, largest agreement (${web.largest.tasks} tasks)`,
                'failed' in web.largest
                  ? web.largest.failed
                  : `${web.largest.desktop} (LCP ${web.largest.lcpMs.toFixed(0)}, TBT ${web.largest.tbtMs.toFixed(0)} ms)`,
                '—',
              ],
              ...('failed' in web.largest
                ? []
                : [
                    [
                      `the largest plan's first rows (ms after its page; from navigation)`,
                      firstRows(web.largest),
                      `≤ ${budgets.web.planFirstRowsMs}`,
                    ],
                  ]),
            ]
          : []),
      ]),
    );
    if (web.overBudget.length) lines.push(`web OVER budget: ${web.overBudget.join('; ')}`);
  }
  const over = r.scenarios.filter((s) => s.overBudget.length).map((s) => s.name);
  lines.push(
    '',
    over.length || web?.overBudget.length
      ? `Over budget: ${[...over, ...(web?.overBudget.length ? ['web'] : [])].join(', ')}`
      : 'Every budget met.',
  );
  return lines.join('\n');
}

/** The plan's first rows as the page marked them (observed in Chromium, not simulated), or that it never did. */
function firstRows({ firstRowsMs, planShareMs }: { firstRowsMs?: number; planShareMs?: number }): string {
  if (firstRowsMs === undefined) return 'not marked';
  return `${planShareMs ?? '—'}; ${firstRowsMs}`;
}
