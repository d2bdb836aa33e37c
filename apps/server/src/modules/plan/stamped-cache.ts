import { SharedLoads } from './shared-loads.js';

/**
 * Each instance's small facts worked out from a whole plan (its content hash, its readiness), kept
 * by the plan's stamp (`planStampStatement`): a request reads the stamp, and a fact is worked out
 * again only when the stamp it was kept under is not the one read. It never decides on its own
 * that nothing changed, so a write by any path on any instance shows on the next request.
 *
 * Requests for one key and stamp while its fact is being worked out wait for that one load (32 at
 * once read the plan once, not 32 times). A load that began before another read an older snapshot:
 * it answers its own requests and is not kept over the newer one. At most `maxEntries` keys are
 * kept, the least recently used out first; 0 keeps nothing but still shares the loads in flight.
 */
export class StampedCache<T> {
  private readonly kept = new Map<string, Kept<T>>();
  private readonly loads = new SharedLoads<{ stamp: string; value: T }>();
  private made = 0;

  constructor(private readonly maxEntries: number) {}

  /**
   * The fact of `key` at `stamp`: kept, in flight, or loaded (`load` reads in one snapshot and says
   * the stamp it read, which may be newer than the one asked for; the fact is kept under that one).
   */
  async get(key: string, stamp: string, load: () => Promise<{ stamp: string; value: T }>): Promise<T> {
    const hit = this.kept.get(key);
    if (hit?.stamp === stamp) {
      this.kept.delete(key);
      this.kept.set(key, hit);
      return hit.value;
    }
    const loaded = await this.loads.run(`${key}|${stamp}`, () =>
      load().then((r) => {
        this.made += 1;
        return r;
      }),
    );
    const latest = this.kept.get(key);
    if (this.maxEntries > 0 && (latest === undefined || latest.loadedAs <= loaded.loadedAs)) {
      this.kept.delete(key);
      this.kept.set(key, loaded);
      if (this.kept.size > this.maxEntries) this.kept.delete(this.kept.keys().next().value as string);
    }
    return loaded.value;
  }

  /** How many facts were worked out, and how many are kept: for tests and the benchmark's notes. */
  stats(): { loads: number; kept: number } {
    return { loads: this.made, kept: this.kept.size };
  }
}

interface Kept<T> {
  stamp: string;
  value: T;
  loadedAs: number;
}
