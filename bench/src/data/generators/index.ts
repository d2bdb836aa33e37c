import type { Generator } from '../context.js';
import { agreementsGenerator } from './agreements.js';
import { filesGenerator } from './files.js';
import { historyGenerator } from './history.js';
import { organisationsGenerator } from './organisations.js';
import { plansGenerator } from './plans.js';
import { threadsGenerator } from './threads.js';
import { usersGenerator } from './users.js';

/**
 * The dataset's generators. They run in dependency order (`dependsOn`), all in one transaction.
 *
 * To add records for a new capability (progress updates, KPI measurements, …):
 * 1. Write `generators/<name>.ts` exporting a `Generator`: a unique `name`, the generators whose
 *    registry entries it reads in `dependsOn` (e.g. ['plans'] for `ctx.data.tasks`, each with its
 *    agreement, area, dates, outcome and facts, lead unit and change times), the `tables` it fills, and
 *    `generate(ctx)`, which streams its rows with `ctx.copy(table, columns, rows)` — rows may be a
 *    (sync or async) generator function, so a million rows never sit in memory at once.
 * 2. Draw every random choice from `ctx.rng` (seeded from the seed and the generator's name, so
 *    adding a generator leaves the others' data unchanged); never Math.random or Date.now. Take
 *    "now" from `ctx.today`, and scale counts with `ctx.scale` (keep a minimum so that every
 *    benchmark scenario has something to work on at tiny scales).
 * 3. If later generators need its records, add a list to DatasetRegistry (registry.ts). A
 *    generator whose rows name bytes outside the database (evidence files) writes them under
 *    `ctx.filesDir`, the folder the bench servers' file store reads.
 * 4. Append it to the list below. Its rows are counted per table in `bench_dataset` and by
 *    `npm run bench:data`.
 */
export const generators: readonly Generator[] = [
  organisationsGenerator,
  usersGenerator,
  agreementsGenerator,
  plansGenerator,
  historyGenerator,
  threadsGenerator,
  filesGenerator,
];
