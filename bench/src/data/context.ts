import type { CopyRow } from './copy.js';
import type { Rng } from './prng.js';
import type { DatasetRegistry } from './registry.js';

/** What a generator gets to work with. */
export interface GeneratorContext {
  readonly seed: number;
  /** 1 is national scale (~300 agreements, ~100k tasks); counts shrink roughly linearly. */
  readonly scale: number;
  /**
   * The dataset's "today" as a day number: what is before it is the past (completed work,
   * overdue tasks). Fixed, so that a seed always gives the same rows.
   */
  readonly today: number;
  /** This generator's own random stream, derived from the seed and the generator's name only. */
  readonly rng: Rng;
  /**
   * The folder the bench servers' file store reads (`FILE_DIR`, see evidence-store.ts): where a
   * generator puts the bytes its file rows name. Emptied by the generator that fills it.
   */
  readonly filesDir: string;
  /** What earlier generators made; add to it what later ones need. */
  readonly data: DatasetRegistry;
  /** Streams rows into a table with COPY (in the loading transaction); returns the row count. */
  copy(table: string, columns: readonly string[], rows: Iterable<CopyRow> | AsyncIterable<CopyRow>): Promise<number>;
  /** A query in the loading transaction, for a generator that needs the database's answer. */
  query<R extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  log(line: string): void;
}

/** One kind of record in the dataset. Register it in generators/index.ts. */
export interface Generator {
  /** Unique; also names the generator's random stream, so renaming one changes its data. */
  name: string;
  /** Generators whose registry entries this one reads; they run first. */
  dependsOn: readonly string[];
  /** The tables it fills (for the row counts). */
  tables: readonly string[];
  generate(ctx: GeneratorContext): Promise<void>;
}
