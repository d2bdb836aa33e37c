import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { projectDir } from '../src/config.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/db/embedded.js';
import { freePort } from './support.js';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-embedded-'));
fs.chmodSync(base, 0o755);
const port = 54_000 + Math.floor(Math.random() * 880);

/** Every cluster a test starts, stopped at the end whatever happened; and postmaster pids to make sure of. */
const started: EmbeddedPostgres[] = [];
const pids = new Set<number>();

afterAll(async () => {
  await Promise.all(started.map((s) => s.stop().catch(() => undefined)));
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone, as it should be
    }
  }
  fs.rmSync(base, { recursive: true, force: true });
});

type StartOptions = Parameters<typeof startEmbeddedPostgres>[0];

async function start(options: Omit<StartOptions, 'baseDir'> & { baseDir?: string }): Promise<EmbeddedPostgres> {
  const pgServer = await startEmbeddedPostgres({ baseDir: base, log: () => undefined, ...options });
  started.push(pgServer);
  const pid = pgServer.pid();
  if (pid) pids.add(pid);
  return pgServer;
}

/** A folder of its own, as another clone of the repository would have. */
function otherBase(): string {
  const dir = fs.mkdtempSync(path.join(base, 'clone-'));
  fs.chmodSync(dir, 0o755);
  return dir;
}

async function count(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE IF NOT EXISTS kept (n int)');
    await client.query('INSERT INTO kept VALUES (1)');
    return Number((await client.query('SELECT count(*) AS n FROM kept')).rows[0].n);
  } finally {
    await client.end();
  }
}

/** Whether the process runs (a zombie, dead but not yet reaped, does not). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The live postmaster of a data folder, from its postmaster.pid. */
function postmasterOf(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return isAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

describe('the embedded PostgreSQL', () => {
  it('keeps its data across restarts, with its password beside the data folder', async () => {
    const first = await startEmbeddedPostgres({ baseDir: base, name: 'kept', port, log: () => undefined });
    expect(await count(first.url)).toBe(1);
    await first.stop();
    expect(fs.existsSync(`${first.dataDir}.credentials.json`)).toBe(true);
    const second = await startEmbeddedPostgres({ baseDir: base, name: 'kept', port, log: () => undefined });
    try {
      expect(await count(second.url)).toBe(2);
    } finally {
      await second.stop();
    }
  });

  it('refuses, with a clear message, a data folder whose password file is lost, and changes nothing', async () => {
    const first = await startEmbeddedPostgres({ baseDir: base, name: 'lost', port: port + 1, log: () => undefined });
    await first.stop();
    fs.rmSync(`${first.dataDir}.credentials.json`);
    await expect(startEmbeddedPostgres({ baseDir: base, name: 'lost', port: port + 1, log: () => undefined })).rejects.toThrow(
      /lost its password file/,
    );
    expect(fs.existsSync(path.join(first.dataDir, 'PG_VERSION'))).toBe(true);
  });

  it('makes a disposable (test) cluster anew when its password file is lost', async () => {
    const first = await startEmbeddedPostgres({ baseDir: base, name: 'tmp', port: port + 2, log: () => undefined, disposable: true });
    await first.stop();
    fs.rmSync(`${first.dataDir}.credentials.json`);
    const again = await startEmbeddedPostgres({ baseDir: base, name: 'tmp', port: port + 2, log: () => undefined, disposable: true });
    try {
      expect(await count(again.url)).toBe(1);
    } finally {
      await again.stop();
    }
  });

  it('has one owner: a second server on the same folder is refused at once, a tool attaches and leaves it running', async () => {
    const owner = await start({ name: 'owned', port: port + 3, label: 'the Accord server on port 3000' });
    expect(owner.mode).toBe('started');
    expect(await count(owner.url)).toBe(1);

    const asked = Date.now();
    const second = startEmbeddedPostgres({ baseDir: base, name: 'owned', port: port + 3, log: () => undefined });
    const refusal = await second.then(
      () => undefined,
      (error: unknown) => (error as Error).message,
    );
    expect(Date.now() - asked).toBeLessThan(3_000);
    expect(refusal).toContain(`already in use by the Accord server on port 3000 (pid ${process.pid}`);
    expect(refusal).toContain(`PostgreSQL on 127.0.0.1:${port + 3}`);
    expect(refusal).toContain('for one Accord instance on one machine');
    expect(refusal).toMatch(/DATABASE_URL.*docs\/SCALING\.md/);

    const tool = await startEmbeddedPostgres({ baseDir: base, name: 'owned', port: port + 3, role: 'tool', log: () => undefined });
    expect(tool.mode).toBe('attached');
    expect(tool.url).toBe(owner.url);
    expect(await count(tool.url)).toBe(2);
    await tool.stop();
    // The tool's stop left the owner's PostgreSQL running.
    expect(await count(owner.url)).toBe(3);
    expect(owner.pid()).toBeDefined();

    await owner.stop();
    expect(fs.existsSync(`${owner.dataDir}.owner.json`)).toBe(false);
    // Once the owner has stopped, a server may start it.
    const next = await start({ name: 'owned', port: port + 3 });
    expect(next.mode).toBe('started');
    expect(await count(next.url)).toBe(4);
    await next.stop();
  }, 90_000);

  it('comes up beside another folder’s PostgreSQL on a free port, unless the port was set explicitly', async () => {
    const wanted = port + 4;
    const lines: string[] = [];
    const first = await start({ baseDir: otherBase(), name: 'pg', port: wanted });
    expect(first.port).toBe(wanted);
    const second = await start({ baseDir: otherBase(), name: 'pg', port: wanted, log: (l) => lines.push(l) });
    expect(second.port).not.toBe(wanted);
    expect(lines.join('\n')).toContain(`Port ${wanted} on 127.0.0.1 is taken by pid ${first.pid()}`);
    expect(await count(first.url)).toBe(1);
    expect(await count(second.url)).toBe(1);

    const explicit = await startEmbeddedPostgres({
      baseDir: otherBase(),
      name: 'pg',
      port: wanted,
      explicitPort: true,
      log: () => undefined,
    }).then(
      () => 'started',
      (error: unknown) => (error as Error).message,
    );
    expect(explicit).toContain(`cannot use port ${wanted} (set with ACCORD_PG_PORT): pid ${first.pid()} (`);
    expect(explicit).toContain('postgres');
    expect(explicit).not.toMatch(/password/);

    // Not only PostgreSQL: any process holding the port is named (here, this test's own listener).
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const taken = (squatter.address() as net.AddressInfo).port;
    try {
      const held = await startEmbeddedPostgres({
        baseDir: otherBase(),
        name: 'pg',
        port: taken,
        explicitPort: true,
        log: () => undefined,
      }).then(
        () => 'started',
        (error: unknown) => (error as Error).message,
      );
      expect(held).toContain(`cannot use port ${taken} (set with ACCORD_PG_PORT): pid ${process.pid} (`);
    } finally {
      squatter.close();
    }
    await second.stop();
    await first.stop();
  }, 90_000);

  it('starts its PostgreSQL again when it is killed, on the same port, with the data kept', async () => {
    const lines: string[] = [];
    const server = await start({ name: 'restarted', port: port + 6, log: (l) => lines.push(l) });
    expect(await count(server.url)).toBe(1);
    const killed = server.pid() as number;
    process.kill(killed, 'SIGKILL');
    const t0 = Date.now();
    const back = await until(
      'a new postmaster that answers',
      async () => {
        const pid = server.pid();
        if (!pid || pid === killed) return undefined;
        pids.add(pid);
        return count(server.url).catch(() => undefined);
      },
      20_000,
    );
    expect(back).toBe(2);
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(lines.join('\n')).toMatch(new RegExp(`\\(pid ${killed}\\) was killed by SIGKILL without Accord asking; starting it again`));
    await until(
      'the log to say it is back',
      () => (lines.some((l) => l.includes(`is back (pid ${server.pid()}, port ${port + 6})`)) ? true : undefined),
      5_000,
    );

    // stop() while it is being started again stops cleanly and leaves nothing running.
    const again = server.pid() as number;
    process.kill(again, 'SIGKILL');
    await until('the kill to be seen', () => (isAlive(again) ? undefined : true), 5_000);
    await server.stop();
    await new Promise((r) => setTimeout(r, 1_500));
    expect(postmasterOf(server.dataDir)).toBeUndefined();
  }, 90_000);

  it('adopts a PostgreSQL left running by a server killed with SIGKILL, and stops it when it stops', async () => {
    const dataBase = otherBase();
    const embedded = pathToFileURL(path.join(projectDir, 'apps/server/src/db/embedded.ts')).href;
    const script = `
      import { startEmbeddedPostgres } from ${JSON.stringify(embedded)};
      const pg = await startEmbeddedPostgres({ baseDir: ${JSON.stringify(dataBase)}, name: 'pg', port: ${port + 7}, log: () => undefined });
      console.log(JSON.stringify({ pid: pg.pid(), url: pg.url }));
      setInterval(() => undefined, 1000);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: projectDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const first = await until('the child to start PostgreSQL', () => (output.includes('{"pid"') ? output : undefined), 60_000).then(
      (text) => JSON.parse(text.slice(text.indexOf('{"pid"')).split('\n')[0] as string) as { pid: number; url: string },
    );
    pids.add(first.pid);
    expect(await count(first.url)).toBe(1);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    // The orphan: its owner is gone, it still runs.
    expect(isAlive(first.pid)).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(dataBase, 'pg.owner.json'), 'utf8')).pid).toBe(child.pid);

    const lines: string[] = [];
    const adopter = await start({ baseDir: dataBase, name: 'pg', port: port + 7, log: (l) => lines.push(l) });
    expect(adopter.mode).toBe('adopted');
    expect(adopter.pid()).toBe(first.pid);
    expect(adopter.url).toBe(first.url);
    expect(lines.join('\n')).toContain(
      `(pid ${first.pid}, port ${port + 7}) was left running by an Accord server (pid ${child.pid}), which is gone`,
    );
    expect(await count(adopter.url)).toBe(2);
    expect(JSON.parse(fs.readFileSync(path.join(dataBase, 'pg.owner.json'), 'utf8')).pid).toBe(process.pid);

    await adopter.stop();
    expect(isAlive(first.pid)).toBe(false);
    expect(fs.existsSync(path.join(dataBase, 'pg.owner.json'))).toBe(false);
  }, 90_000);

  it('stops with npm start: npm stopped with SIGTERM or killed with SIGKILL leaves neither the server nor its PostgreSQL running', async () => {
    const dataBase = otherBase();
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      const httpPort = await freePort();
      const npm = spawn('npm', ['start'], {
        cwd: projectDir,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          DATABASE_URL: '',
          ACCORD_DATA_DIR: dataBase,
          ACCORD_PG_PORT: String(port + 11),
          ACCORD_SKIP_BUILD: 'true',
          ACCORD_DEMO: 'false',
          LOG_FILE: 'false',
          HOST: '127.0.0.1',
          PORT: String(httpPort),
        },
      });
      let output = '';
      npm.stdout.on('data', (c: Buffer) => (output += c.toString()));
      npm.stderr.on('data', (c: Buffer) => (output += c.toString()));
      await until(`npm start to be ready (${signal})`, () => (output.includes('Accord is ready') ? true : undefined), 90_000).catch(
        (error: unknown) => {
          throw new Error(`${String(error)}\n${output}`);
        },
      );
      const postmaster = postmasterOf(path.join(dataBase, 'pg'));
      expect(postmaster).toBeTypeOf('number');
      pids.add(postmaster as number);
      // The owner of the PostgreSQL is the server: node scripts/start.mjs, under npm's sh -c.
      const server = (JSON.parse(fs.readFileSync(path.join(dataBase, 'pg.owner.json'), 'utf8')) as { pid: number }).pid;
      expect(server).not.toBe(npm.pid);
      expect(isAlive(server)).toBe(true);
      npm.kill(signal);
      await until(`the server to stop after npm got ${signal}`, () => (isAlive(server) ? undefined : true), 30_000);
      await until(`PostgreSQL to stop after npm got ${signal}`, () => (isAlive(postmaster as number) ? undefined : true), 30_000);
      expect(fs.existsSync(path.join(dataBase, 'pg.owner.json'))).toBe(false);
    }
  }, 240_000);
});
