import type pg from 'pg';
import type { Statement } from '../../../apps/server/src/db/sql.js';
import type { Fixtures } from '../harness/fixtures.js';
import type { LoadRequest } from '../harness/load.js';
import type { SignedIn } from '../web/sign-in.js';

export interface ScenarioContext {
  /** The bench database, for finding ids and building the statements an endpoint runs. */
  db: pg.Pool;
  fixtures: Fixtures;
  /** Signs in over the API (cached per user). */
  session(email: string): Promise<SignedIn>;
  /** The password every bench user has. */
  password: string;
  /** The Accord server under test. */
  baseUrl: string;
}

export interface PreparedScenario {
  request: LoadRequest;
  /** Statuses that count as success; default [200]. */
  expect?: number[];
  /** The SQL the endpoint runs for its data, to run bare through the driver alongside. */
  bare?: Statement[];
  /** What the reader should know about this scenario's numbers. */
  note?: string;
}

/**
 * One hot path under load. Adding a capability's scenario is one object in scenarios/index.ts:
 * a name, what it measures, and `prepare`, which signs in, finds its ids and returns the request.
 */
export interface Scenario {
  /** Stable id, also the key in bench/budgets.json. */
  name: string;
  title: string;
  prepare(ctx: ScenarioContext): Promise<PreparedScenario>;
}

/**
 * Headers for a signed-in GET, as a browser sends them: with the encodings Chromium accepts, so an
 * answer of 1 KB or more is measured compressed, the way a user receives it.
 */
export function asUser(s: SignedIn): Record<string, string> {
  return { cookie: s.cookieHeader, 'accept-encoding': 'gzip, deflate, br, zstd' };
}
