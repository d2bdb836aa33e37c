import type { Queryable } from '../../db/pool.js';
import { orgReachSql, subtreeWithPredecessorsSql } from './access.repository.js';

/** What an organisation reaches, as the sets a viewer carries (shared, never changed). */
export interface ReachSets {
  reach: ReadonlySet<string>;
  down: ReadonlySet<string>;
}

/**
 * What each organisation reaches in the organisation tree of one generation, kept in this
 * instance's memory. It is a function of the tree alone, and any change to the tree, or to a
 * user's organisation, bumps the generation in the same transaction (a statement trigger); every
 * request reads the generation with its session, in the same statement. So an entry is only ever
 * used for the generation it was computed from: an organisation move is seen on the next request
 * of every session on every instance, exactly as when the reach was read from the database each
 * time — but a province coordinator's request no longer carries 2 × 174 ids from PostgreSQL.
 *
 * Bounded: a newer generation empties it, and past `limit` organisations the oldest entry goes.
 */
export class ReachCache {
  private generation = -1;
  private readonly entries = new Map<string, Promise<ReachSets>>();
  private readonly subtrees = new Map<string, Promise<readonly string[]>>();

  constructor(private readonly limit = 20_000) {}

  get(db: Queryable, organisationId: string, generation: number): Promise<ReachSets> {
    return this.cached(this.entries, organisationId, generation, () => this.load(db, organisationId, generation));
  }

  /**
   * An organisation, everything below it and their predecessors (what a filter by "Hải Phòng"
   * covers: `loadSubtreeWithPredecessors`), in the tree of `generation`, kept the same way.
   */
  subtree(db: Queryable, organisationId: string, generation: number): Promise<readonly string[]> {
    return this.cached(this.subtrees, organisationId, generation, async () => {
      const { rows } = await db.query<{ ids: string | null; generation: number }>(
        `SELECT array_to_string(ARRAY(${subtreeWithPredecessorsSql('$1::uuid')}), ',') AS ids, g.n AS generation
         FROM organisation_generation g`,
        [organisationId],
      );
      const row = rows[0];
      if (row && row.generation !== generation) this.forget(this.subtrees, organisationId, generation);
      return idsOf(row?.ids ?? '');
    });
  }

  /** The entry of `key` for `generation`: kept while that is the newest generation seen, never used for another. */
  private cached<T>(entries: Map<string, Promise<T>>, key: string, generation: number, load: () => Promise<T>): Promise<T> {
    if (generation > this.generation) {
      this.generation = generation;
      this.entries.clear();
      this.subtrees.clear();
    } else if (generation < this.generation) {
      // A request whose session was read before the tree moved on: answer it from that tree, uncached.
      return load();
    }
    const known = entries.get(key);
    if (known) return known;
    const loading = load();
    entries.set(key, loading);
    if (entries.size > this.limit) entries.delete(entries.keys().next().value as string);
    // A failed read is not kept: the next request tries again.
    loading.catch(() => {
      if (entries.get(key) === loading) entries.delete(key);
    });
    return loading;
  }

  /** Drops an entry read from a newer tree than the generation it was asked for. */
  private forget<T>(entries: Map<string, Promise<T>>, key: string, generation: number): void {
    if (entries.has(key) && generation === this.generation) entries.delete(key);
  }

  /**
   * Reads the reach with the generation of the tree it was read from, in one statement. When that is
   * no longer `generation` the tree moved between the session's read and this one: the answer is of
   * the newer tree, which is what the next request would see anyway, and it is not kept under the older one.
   */
  private async load(db: Queryable, organisationId: string, generation: number): Promise<ReachSets> {
    const { rows } = await db.query<{ reach: string | null; down: string | null; generation: number }>(
      `SELECT array_to_string(r.reach, ',') AS reach, array_to_string(r.down, ',') AS down, g.n AS generation
       FROM (${orgReachSql('$1::uuid')}) r CROSS JOIN organisation_generation g`,
      [organisationId],
    );
    const row = rows[0];
    if (row && row.generation !== generation) this.forget(this.entries, organisationId, generation);
    return { reach: new Set(idsOf(row?.reach ?? '')), down: new Set(idsOf(row?.down ?? '')) };
  }
}

/** Ids as one comma-joined text: a native split costs next to nothing, where pg parses a uuid[] character by character. */
function idsOf(joined: string): string[] {
  return joined === '' ? [] : joined.split(',');
}
