import { spawn } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectDir } from '../src/config.js';
import { ensureDatabase } from '../src/db/pool.js';
import { freePort, unique } from './support.js';

/**
 * A production start: `npm start` on a database given by DATABASE_URL loads no demo accounts and
 * makes no account at all; the first administrator is made by `npm run admin:create`, with a
 * password only they know, and signs in with it.
 */
let url: string;
let admin: pg.Client;

beforeAll(async () => {
  const server = new URL(inject('databaseUrl'));
  server.pathname = '/postgres';
  url = await ensureDatabase(server.toString(), `accord_first_${unique()}`, { recreate: true });
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
});
afterAll(async () => {
  await admin.end();
  const server = new URL(inject('databaseUrl'));
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
  await client.end();
});

function run(args: string[], env: Record<string, string>, input?: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: projectDir, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.stdin.end(input ?? '');
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const createAdmin = (email: string, password: string, organisation = 'Sở Khoa học và Công nghệ tỉnh Cà Mau') =>
  run(
    [
      '--import',
      'tsx',
      'apps/server/src/admin/create-admin-cli.ts',
      '--email',
      email,
      '--name',
      'Nguyễn Văn Quản Trị',
      '--organisation',
      organisation,
    ],
    { DATABASE_URL: url },
    `${password}\n`,
  );

async function signIn(base: string, email: string, password: string): Promise<number> {
  const pre = await fetch(`${base}/api/auth/csrf`);
  const cookie = (pre.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await pre.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ email, password }),
  });
  return res.status;
}

describe('a production start on DATABASE_URL', () => {
  it('loads no demo accounts and makes none; the first administrator is made by a command and signs in', async () => {
    const port = await freePort();
    // As an operator starts it: nothing said about demo data.
    const { ACCORD_DEMO: _unset, ...env } = process.env;
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: projectDir,
      env: { ...env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', ACCORD_SKIP_BUILD: 'true', LOG_FILE: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (c: Buffer) => {
          output += c.toString();
          if (output.includes('Accord is ready')) resolve();
        });
        child.stderr.on('data', (c: Buffer) => (output += c.toString()));
        child.once('exit', (code) => reject(new Error(`start exited (${code}):\n${output}`)));
      });
      expect(Number((await admin.query('SELECT count(*) AS n FROM users')).rows[0].n)).toBe(0);
      // The server's connections use the app's own role, not the owner's.
      const roles = await admin.query(
        `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND application_name IN ('accord', 'accord-health')`,
      );
      expect(roles.rows.map((r: { usename: string }) => r.usename)).toEqual(['accord_app']);
      expect(output).toContain('no administrator yet');
      expect(await signIn(`http://127.0.0.1:${port}`, 'dieuphoi.camau@camau.gov.vn', 'Accord@2026')).toBe(401);

      const password = 'một câu mật khẩu chỉ tôi biết';
      const made = await createAdmin('QuanTri@CaMau.gov.vn', password);
      expect(made.code, made.output).toBe(0);
      expect(made.output).not.toContain(password);
      expect(await signIn(`http://127.0.0.1:${port}`, 'quantri@camau.gov.vn', password)).toBe(200);
      const { rows } = await admin.query(`SELECT kind FROM security_events WHERE email = 'quantri@camau.gov.vn' ORDER BY id`);
      expect(rows.map((r: { kind: string }) => r.kind)).toEqual(['admin.created', 'sign_in.succeeded']);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('refuses, changing nothing, an account that exists and a password that is too short', async () => {
    const email = `${unique('qt-')}@camau.gov.vn`;
    expect((await createAdmin(email, 'một câu mật khẩu dài')).code).toBe(0);
    const again = await createAdmin(email, 'một câu mật khẩu khác');
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/exists already/);
    const short = await createAdmin(`${unique('qt-')}@camau.gov.vn`, 'ngắn');
    expect(short.code).toBe(1);
    expect(short.output).toMatch(/password/);
    const { rows } = await admin.query(`SELECT count(*) AS n FROM users WHERE email LIKE 'qt-%'`);
    expect(Number(rows[0].n)).toBe(1);
  });
});
