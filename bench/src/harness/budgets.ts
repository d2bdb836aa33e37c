import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ScenarioBudget {
  p95Ms?: number;
  bareRatio?: number;
  minRps?: number;
}

export interface Budgets {
  connections: number;
  serverRssMb: number;
  scenarios: Record<string, ScenarioBudget>;
  web: { initialJsGzipKb: number; lighthouseScore: number };
  /** `npm run bench:import`: by rows imported, the median preview and import times. */
  imports?: Record<string, { previewMs: number; applyMs: number }>;
}

export const budgetsFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../budgets.json');

export function loadBudgets(file = budgetsFile): Budgets {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Budgets;
}
