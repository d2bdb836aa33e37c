import { storedClarity, type ClarityFacts } from '@accord/domain';
import type { Queryable } from './pool.js';

/** Tasks checked per statement when filling in what a migration added. */
const BATCH = 5000;

/**
 * What a migration adds but only the domain can work out, filled in after the migrations (under
 * their lock, so once however many instances start): each task's stored "5 rõ" check. Nothing to
 * do, which is every start but the first, costs one look at an empty index.
 */
export async function runBackfills(client: Queryable, log: (line: string) => void): Promise<void> {
  let filled = 0;
  for (;;) {
    const { rows } = await client.query<ClarityFacts & { id: string }>(
      `SELECT id, title, description, responsible_person AS "responsiblePerson", start_date::text AS "startDate",
         due_date::text AS "dueDate", lead_org_id AS "leadUnitId", expected_product AS "expectedProduct", decided_by AS "decidedBy"
       FROM tasks WHERE clarity_met IS NULL AND deleted_at IS NULL LIMIT $1`,
      [BATCH],
    );
    if (rows.length === 0) break;
    const checks = rows.map((r) => storedClarity(r));
    await client.query(
      `UPDATE tasks SET clarity_met = x.met, clarity_met_authority = x.met_a
       FROM unnest($1::uuid[], $2::smallint[], $3::smallint[]) AS x(id, met, met_a) WHERE tasks.id = x.id`,
      [rows.map((r) => r.id), checks.map((c) => c.met), checks.map((c) => c.metWithAuthority)],
    );
    filled += rows.length;
  }
  if (filled > 0) log(`worked out the "5 rõ" of ${filled} tasks`);
}
