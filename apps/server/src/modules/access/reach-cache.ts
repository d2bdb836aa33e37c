import type { Queryable } from '../../db/pool.js';
import { orgReachSql } from './access.repository.js';

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

  constructor(private readonly limit = 20_000) {}

  get(db: Queryable, organisationId: string, generation: number): Promise<ReachSets> {
    if (generation > this.generation) {
      this.generation = generation;
      this.entries.clear();
    } else if (generation < this.generation) {
      // A request whose session was read before the tree moved on: answer it from that tree, uncached.
      return this.load(db, organisationId, generation);
    }
    const key = organisationId;
    const known = this.entries.get(key);
    if (known) return known;
    const loading = this.load(db, organisationId, generation);
    this.entries.set(key, loading);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
    // A failed read is not kept: the next request tries again.
    loading.catch(() => {
      if (this.entries.get(key) === loading) this.entries.delete(key);
    });
    return loading;
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
    if (row && row.generation !== generation && this.entries.has(organisationId) && generation === this.generation) {
      this.entries.delete(organisationId);
    }
    return { reach: new Set(idsOf(row?.reach ?? '')), down: new Set(idsOf(row?.down ?? '')) };
  }
}

/** Ids as one comma-joined text: a native split costs next to nothing, where pg parses a uuid[] character by character. */
function idsOf(joined: string): string[] {
  return joined === '' ? [] : joined.split(',');
}
