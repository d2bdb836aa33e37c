import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBudget, describeBudget, loadBudgets, type Measured } from '../src/harness/budgets.js';
import { cpuRatio } from '../src/harness/cpu.js';
import { scenarios } from '../src/scenarios/index.js';

const measured = (over: Partial<Measured> = {}): Measured => ({ name: 'x', rps: 100, p95Ms: 50, errors: 0, peakRssMb: 200, ...over });

describe('ratio budgets', () => {
  it('measures throughput against the same run: a share of the ceiling and of the floor', () => {
    expect(checkBudget(measured({ rps: 150 }), { ofCeiling: 0.15 }, { ceilingRps: 1000 }, 400)).toEqual([]);
    expect(checkBudget(measured({ rps: 149 }), { ofCeiling: 0.15 }, { ceilingRps: 1000 }, 400)).toEqual(['14.9 % of the ceiling < 15 %']);
    expect(checkBudget(measured({ rps: 250 }), { ofFloor: 0.25 }, { floorRps: 1000 }, 400)).toEqual([]);
    expect(checkBudget(measured({ rps: 240 }), { ofFloor: 0.25 }, { floorRps: 1000 }, 400)).toEqual(['24 % of the floor < 25 %']);
    // The same SQL run bare reaching no more than the endpoint's share says why; a bare run that does reach it says nothing.
    expect(checkBudget(measured({ rps: 240, bareRps: 100 }), { ofFloor: 0.25 }, { floorRps: 1000 }, 400)).toEqual([
      '24 % of the floor < 25 % (its SQL alone, bare: 10 %)',
    ]);
    expect(checkBudget(measured({ rps: 240, bareRps: 900 }), { ofFloor: 0.25 }, { floorRps: 1000 }, 400)).toEqual([
      '24 % of the floor < 25 %',
    ]);
  });

  it('works out the CPU ratio only from two measured runs with the database on this machine', () => {
    expect(cpuRatio({ serverMs: 2, databaseMs: 4.2 }, { serverMs: 0.86, databaseMs: 4.18 })).toBe(1.23);
    expect(cpuRatio({ serverMs: 2 }, { serverMs: 0.86, databaseMs: 4.18 })).toBeUndefined();
    expect(cpuRatio({ serverMs: 2, databaseMs: 4.2 }, undefined)).toBeUndefined();
    expect(cpuRatio({ serverMs: 2, databaseMs: 4.2 }, { serverMs: 0, databaseMs: 0 })).toBeUndefined();
  });

  it('counts a reference that was not measured as a miss, never as met', () => {
    expect(checkBudget(measured(), { ofFloor: 0.25, ofCeiling: 0.1, bareRatio: 1.3, p95Ms1: 10 }, {}, 400)).toEqual([
      'no bare Fastify run to compare with',
      'no session floor to compare with',
      'no bare SQL run to compare with',
      'no one-connection run',
    ]);
  });

  it('checks the one-connection p95, the bare SQL ratio, an absolute rate, errors and memory', () => {
    expect(checkBudget(measured({ p95Ms1: 10 }), { p95Ms1: 10 }, {}, 400)).toEqual([]);
    expect(checkBudget(measured({ p95Ms1: 10.5 }), { p95Ms1: 10 }, {}, 400)).toEqual(['p95 at 1 connection 10.5 ms > 10 ms']);
    expect(checkBudget(measured({ bareRatio: 1.31 }), { bareRatio: 1.3 }, {}, 400)).toEqual(['1.31× bare SQL > 1.3×']);
    // The CPU ratio is said beside a missed p95 ratio, never instead of it: the miss stays a miss.
    expect(checkBudget(measured({ bareRatio: 1.37, cpuRatio: 1.23 }), { bareRatio: 1.3 }, {}, 400)).toEqual([
      "1.37× bare SQL > 1.3× (its CPU a request: 1.23× the bare's)",
    ]);
    expect(checkBudget(measured({ bareRatio: 1.2, cpuRatio: 1.5 }), { bareRatio: 1.3 }, {}, 400)).toEqual([]);
    expect(checkBudget(measured({ rps: 499 }), { minRps: 500 }, {}, 400)).toEqual(['499 req/s < 500']);
    expect(checkBudget(measured({ errors: 2, bareErrors: 1, peakRssMb: 401 }), {}, {}, 400)).toEqual([
      '2 errors',
      '1 bare SQL errors',
      'RSS 401 MB > 400 MB',
    ]);
  });

  it('bench/budgets.json names only scenarios that exist, with keys the harness knows', () => {
    const budgets = loadBudgets();
    const names = new Set(scenarios.map((s) => s.name));
    for (const name of Object.keys(budgets.scenarios)) expect(names, name).toContain(name);
    expect(budgets.scenarios.session?.ofCeiling).toBeGreaterThan(0);
    expect(describeBudget({ ofFloor: 0.25, p95Ms1: 10, bareRatio: 1.3 })).toBe('≥25 % floor p95@1≤10 ≤1.3× bare');
  });

  it('refuses a budget it does not know rather than ignoring it', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'budgets-')), 'budgets.json');
    fs.writeFileSync(file, JSON.stringify({ connections: 32, serverRssMb: 400, scenarios: { session: { p95Ms: 20 } }, web: {} }));
    expect(() => loadBudgets(file)).toThrow(/session\.p95Ms is not a budget/);
    fs.writeFileSync(file, JSON.stringify({ connections: 32, serverRssMb: 400, scenarios: { session: { ofFloor: -1 } }, web: {} }));
    expect(() => loadBudgets(file)).toThrow(/positive number/);
  });
});
