import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A scenario's budget. Throughput is budgeted as a share of what the same run measured for a
 * reference, so that a budget means the same on a fast machine and on a slow, shared one:
 * - `ofCeiling`: req/s at least this share of the bare Fastify route's (the framework's ceiling);
 * - `ofFloor`: req/s at least this share of the `session` scenario's (the cheapest signed-in request);
 * - `bareRatio`: p95 at most this multiple of the same SQL run bare through the driver;
 * - `p95Ms1`: p95 with one connection (no queueing: what one user waits), in ms;
 * - `minRps`: req/s, where the issue names an absolute rate.
 * Every scenario must also answer with 0 errors, and the server stay within `serverRssMb`.
 */
export interface ScenarioBudget {
  ofCeiling?: number;
  ofFloor?: number;
  bareRatio?: number;
  p95Ms1?: number;
  minRps?: number;
}

export interface Budgets {
  connections: number;
  serverRssMb: number;
  scenarios: Record<string, ScenarioBudget>;
  /** planFirstRowsMs: from the agreement's page drawn to its plan's first rows drawn (the page's marks), on the largest plan. */
  web: { initialJsGzipKb: number; lighthouseScore: number; planFirstRowsMs: number };
  /** `npm run bench:import`: by rows imported, the median preview and import times. */
  imports?: Record<string, { previewMs: number; applyMs: number }>;
}

export const budgetsFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../budgets.json');

const KEYS = new Set<keyof ScenarioBudget>(['ofCeiling', 'ofFloor', 'bareRatio', 'p95Ms1', 'minRps']);

/** Reads bench/budgets.json; a key it does not know is an error, not a budget silently ignored. */
export function loadBudgets(file = budgetsFile): Budgets {
  const budgets = JSON.parse(fs.readFileSync(file, 'utf8')) as Budgets;
  for (const [name, budget] of Object.entries(budgets.scenarios)) {
    for (const [key, value] of Object.entries(budget)) {
      if (!KEYS.has(key as keyof ScenarioBudget)) throw new Error(`${file}: ${name}.${key} is not a budget (${[...KEYS].join(', ')})`);
      if (typeof value !== 'number' || !(value > 0)) throw new Error(`${file}: ${name}.${key} must be a positive number`);
    }
  }
  return budgets;
}

/** What one scenario measured, as far as its budget needs. */
export interface Measured {
  name: string;
  rps: number;
  p95Ms: number;
  errors: number;
  bareErrors?: number;
  bareRatio?: number;
  /** req/s of the same SQL run bare through the driver (no session, access, presentation or HTTP of the app's). */
  bareRps?: number;
  /**
   * The endpoint's CPU a request (the server's and PostgreSQL's) as a multiple of the bare SQL
   * run's (the driver's and PostgreSQL's): what the endpoint adds to its SQL, free of the queueing
   * that makes a p95 at 32 connections move with the host from one run to the next.
   */
  cpuRatio?: number;
  /** p95 with one connection, when measured. */
  p95Ms1?: number;
  peakRssMb: number;
}

/** The references of the same run: the bare Fastify route's and the session floor's req/s. */
export interface References {
  ceilingRps?: number;
  floorRps?: number;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/** Each way a scenario missed its budget, in words; empty when it met it. A reference not measured is a miss too. */
export function checkBudget(m: Measured, budget: ScenarioBudget, refs: References, serverRssMb: number): string[] {
  const misses: string[] = [];
  if (m.errors > 0) misses.push(`${m.errors} errors`);
  if (m.bareErrors) misses.push(`${m.bareErrors} bare SQL errors`);
  if (budget.ofCeiling !== undefined) {
    if (!refs.ceilingRps) misses.push('no bare Fastify run to compare with');
    else if (m.rps < budget.ofCeiling * refs.ceilingRps)
      misses.push(`${pct(m.rps / refs.ceilingRps)} of the ceiling < ${pct(budget.ofCeiling)}`);
  }
  if (budget.ofFloor !== undefined) {
    if (!refs.floorRps) misses.push('no session floor to compare with');
    else if (m.rps < budget.ofFloor * refs.floorRps) {
      // When the statements alone, run bare, do not reach the share either, no change above the SQL can: say so.
      const bare =
        m.bareRps !== undefined && m.bareRps < budget.ofFloor * refs.floorRps
          ? ` (its SQL alone, bare: ${pct(m.bareRps / refs.floorRps)})`
          : '';
      misses.push(`${pct(m.rps / refs.floorRps)} of the floor < ${pct(budget.ofFloor)}${bare}`);
    }
  }
  if (budget.bareRatio !== undefined) {
    if (m.bareRatio === undefined) misses.push('no bare SQL run to compare with');
    else if (m.bareRatio > budget.bareRatio) {
      // The CPU beside it says whether the endpoint's own work is over too, or only its queueing.
      const cpu = m.cpuRatio !== undefined ? ` (its CPU a request: ${m.cpuRatio}× the bare's)` : '';
      misses.push(`${m.bareRatio}× bare SQL > ${budget.bareRatio}×${cpu}`);
    }
  }
  if (budget.p95Ms1 !== undefined) {
    if (m.p95Ms1 === undefined) misses.push('no one-connection run');
    else if (m.p95Ms1 > budget.p95Ms1) misses.push(`p95 at 1 connection ${m.p95Ms1} ms > ${budget.p95Ms1} ms`);
  }
  if (budget.minRps !== undefined && m.rps < budget.minRps) misses.push(`${m.rps} req/s < ${budget.minRps}`);
  if (m.peakRssMb > serverRssMb) misses.push(`RSS ${m.peakRssMb} MB > ${serverRssMb} MB`);
  return misses;
}

/** The budget in a few characters, for the table. */
export function describeBudget(b: ScenarioBudget): string {
  return [
    b.ofCeiling !== undefined ? `≥${pct(b.ofCeiling)} ceiling` : '',
    b.ofFloor !== undefined ? `≥${pct(b.ofFloor)} floor` : '',
    b.minRps !== undefined ? `≥${b.minRps}/s` : '',
    b.p95Ms1 !== undefined ? `p95@1≤${b.p95Ms1}` : '',
    b.bareRatio !== undefined ? `≤${b.bareRatio}× bare` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
