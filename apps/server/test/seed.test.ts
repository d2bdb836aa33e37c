import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectDir } from '../src/config.js';
import { migrate } from '../src/db/migrate.js';
import { createPool, ensureDatabase, type Db } from '../src/db/pool.js';
import { buildOrganisation } from './support.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run db:seed`'s script against `url`, the way a user would. */
async function runSeed(url: string): Promise<Run> {
  const script = path.join(projectDir, 'apps/server/src/seed/seed-cli.ts');
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
      cwd: projectDir,
      env: { ...process.env, DATABASE_URL: url },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const adminUrl = () => {
  const url = new URL(inject('databaseUrl'));
  url.pathname = '/postgres';
  return url.toString();
};

/** A database of its own, not migrated; dropped by `drop`. */
const freshDatabase = (name: string) => ensureDatabase(adminUrl(), name, { recreate: true });

async function drop(name: string) {
  const admin = createPool(adminUrl(), 1);
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

/** Every table's row count and a digest of its rows: equal fingerprints, nothing changed. */
async function fingerprint(db: Db): Promise<Record<string, string>> {
  const { rows: tables } = await db.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'");
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const { rows } = await db.query<{ n: number; digest: string }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${name}" t`,
    );
    result[name] = `${rows[0]?.n}:${rows[0]?.digest}`;
  }
  return result;
}

// The seed agreements in load order: signed on, status, the parties as signed, areas, tasks (Hải Dương's with the one its revision added),
// and the signing date of the predecessor (Quảng Nam 2021–2025 follows 2014–2020).
const seedAgreements = [
  ['2014-11-04', 'completed', 'Ủy ban nhân dân tỉnh Quảng Nam | Tập đoàn Bưu chính Viễn thông Việt Nam', 1, 2, null],
  ['2025-09-11', 'in_force', 'Ủy ban nhân dân tỉnh Cà Mau | Tập đoàn Bưu chính Viễn thông Việt Nam', 4, 30, null],
  ['2025-09-17', 'in_force', 'Ủy ban nhân dân tỉnh Cà Mau | Công ty Cổ phần FPT', 5, 25, null],
  ['2021-01-06', 'completed', 'Ủy ban nhân dân tỉnh Quảng Nam | Tập đoàn Bưu chính Viễn thông Việt Nam', 4, 20, '2014-11-04'],
  ['2022-03-16', 'in_force', 'UBND thành phố Buôn Ma Thuột | Viễn thông Đắk Lắk (VNPT Đắk Lắk)', 4, 20, null],
  ['2022-03-09', 'completed', 'Ủy ban nhân dân tỉnh Hải Dương | Tập đoàn Công nghiệp - Viễn thông Quân đội', 7, 31, null],
];

describe('npm run db:seed', () => {
  const name = 'accord_seed_test';
  let url: string;
  let db: Db;
  let first: Run;

  beforeAll(async () => {
    // Not migrated: db:seed applies the migrations itself.
    url = await freshDatabase(name);
    db = createPool(url, 2);
    first = await runSeed(url);
  }, 60_000);

  afterAll(async () => {
    await db.end();
    await drop(name);
  });

  it('migrates an empty database and loads the seed agreements with their parties, areas and tasks', async () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/applied \d+ migration\(s\)/);
    expect(first.stdout).toContain('loaded the demo into DATABASE_URL');

    const { rows } = await db.query<{
      signed_on: string;
      status: string;
      parties: string;
      areas: number;
      tasks: number;
      predecessor: string;
    }>(
      `SELECT a.signed_on, a.status, p.signed_on AS predecessor,
              (SELECT string_agg(ap.name_at_signing, ' | ' ORDER BY ap.position) FROM agreement_parties ap WHERE ap.agreement_id = a.id) AS parties,
              (SELECT count(*)::int FROM areas r WHERE r.agreement_id = a.id) AS areas,
              (SELECT count(*)::int FROM tasks t WHERE t.agreement_id = a.id) AS tasks
         FROM agreements a LEFT JOIN agreements p ON p.id = a.predecessor_id
        ORDER BY a.created_at`,
    );
    expect(rows.map((r) => [r.signed_on, r.status, r.parties, r.areas, r.tasks, r.predecessor])).toEqual(seedAgreements);

    const totals = await db.query<{ organisations: number; users: number; parties: number }>(
      `SELECT (SELECT count(*)::int FROM organisations) AS organisations, (SELECT count(*)::int FROM users) AS users,
              (SELECT count(*)::int FROM agreement_parties) AS parties`,
    );
    expect(totals.rows[0]).toEqual({ organisations: 176, users: 21, parties: 12 });

    // The Hải Dương – Viettel plan: approved by both sides, revised once and approved again; the others not submitted.
    const versions = await db.query<{ signed_on: string; number: number; state: string; sides: string }>(
      `SELECT a.signed_on, v.number, v.state, (SELECT string_agg(d.side || ':' || d.decision, ' ' ORDER BY d.side) FROM plan_decisions d
         WHERE d.plan_version_id = v.id) AS sides
       FROM plan_versions v JOIN agreements a ON a.id = v.agreement_id ORDER BY v.number`,
    );
    expect(versions.rows.map((v) => [v.signed_on, v.number, v.state, v.sides])).toEqual([
      ['2022-03-09', 1, 'approved', 'enterprise:approved government:approved'],
      ['2022-03-09', 2, 'approved', 'enterprise:approved government:approved'],
    ]);
  });

  it('refuses a second load, says why, and changes nothing', async () => {
    const before = await fingerprint(db);
    const second = await runSeed(url);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('db:seed refused');
    expect(second.stderr).toContain('already holds data');
    expect(second.stderr).toContain('agreements: 6');
    expect(second.stdout).not.toContain('loaded the demo');
    expect(await fingerprint(db)).toEqual(before);
  }, 60_000);
});

describe('npm run db:seed on a database that holds other data', () => {
  const name = 'accord_seed_other_test';

  it('refuses a database with a single organisation and no demo accounts, and leaves it as it was', async () => {
    const url = await freshDatabase(name);
    const db = createPool(url, 2);
    try {
      await migrate(db);
      await buildOrganisation(db, { kind: 'province', nameVi: 'Tỉnh không thuộc bản demo' });
      const before = await fingerprint(db);
      const run = await runSeed(url);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('organisations: 1');
      expect(await fingerprint(db)).toEqual(before);
    } finally {
      await db.end();
      await drop(name);
    }
  }, 60_000);
});
