import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBudgets } from '../src/harness/budgets.js';
import { renderTable } from '../src/harness/report.js';
import type { BenchResult } from '../src/harness/run.js';
import { findChromium } from '../src/web/lighthouse.js';

describe('the web step of the benchmark', () => {
  it('finds the browser named by CHROMIUM_PATH only when it can be run', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-chromium-'));
    const browser = path.join(dir, 'chromium');
    fs.writeFileSync(browser, '#!/bin/sh\n');
    fs.chmodSync(browser, 0o644);
    expect(findChromium({ CHROMIUM_PATH: browser })).toBeUndefined();
    expect(findChromium({ CHROMIUM_PATH: path.join(dir, 'absent') })).toBeUndefined();
    fs.chmodSync(browser, 0o755);
    expect(findChromium({ CHROMIUM_PATH: browser })).toBe(browser);
  });

  it('reports a web step that could not run as a miss, beside the server figures it keeps', () => {
    const result: BenchResult = {
      startedAt: '2026-12-06T12:00:00.000Z',
      machine: { cpus: 2, node: 'v20', postgres: '18.4' },
      options: { connections: 32, duration: 10, poolSize: 10 },
      dataset: { tasks: 10 },
      scenarios: [],
      serverIdleRssMb: 100,
    };
    const failed = 'Lighthouse not run: no Chromium on this machine; install it with: sudo apt-get install -y chromium';
    const table = renderTable(result, loadBudgets(), { initialJsGzipKb: 244.1, failed, overBudget: [failed] });
    expect(table).toContain('| Lighthouse');
    expect(table).toContain('apt-get install -y chromium');
    expect(table).toContain('244.1');
    expect(table).toMatch(/Over budget: web$/);
    expect(renderTable(result, loadBudgets(), { failed, overBudget: [failed] })).toMatch(/initial JS \(gzip KB\) +\| +— \|/);
  });
});
