import fs from 'node:fs';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@accord/server/src/db/embedded.js';
import { ensureDatabase } from '@accord/server/src/db/pool.js';

/**
 * The run's own PostgreSQL (the embedded one, in a cluster folder of its own), and the faults it
 * suffers: its postmaster killed outright, its app connections terminated, a fast restart.
 *
 * The run owns the cluster as a *tool* (startEmbeddedPostgres's role), so the embedded module does
 * not start it again by itself when it dies: the run decides how long each outage lasts. After a
 * kill or a stop the dead handle is stopped too, which gives up the ownership, so that the next
 * start makes a postmaster of its own on the same folder and port.
 *
 * A killed postmaster leaves its backends behind for a moment, and a new postmaster refuses to
 * start while they still hold the old shared memory: every stop waits until the postmaster and
 * all its children are gone (a zombie counts as gone), and a start is tried again if refused.
 */
export interface DatabaseOptions {
  /** The state folder (.accord) and the cluster folder's name inside it. */
  baseDir: string;
  name: string;
  port: number;
  /** The database the servers use, made anew for each run. */
  database: string;
  log: (line: string) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether a process exists and is not a zombie (a zombie holds no memory, files or ports). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** The processes whose parent is `pid` (Linux /proc): a postmaster's backends and helpers. */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

/** Waits until none of `pids` is alive; past `timeoutMs` kills what is left. */
async function waitGone(pids: number[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (pids.some(isAlive)) {
    if (Date.now() > deadline) {
      for (const pid of pids.filter(isAlive)) process.kill(pid, 'SIGKILL');
    }
    await sleep(20);
  }
}

export class FaultDatabase {
  private handle: EmbeddedPostgres | undefined;
  private adminUrl = '';
  /** The servers' database on this cluster. */
  url = '';

  constructor(private readonly options: DatabaseOptions) {}

  /** Starts the cluster (made on first use) and makes the run's database anew. */
  async open(): Promise<void> {
    await this.start();
    this.url = await ensureDatabase(this.adminUrl, this.options.database, { recreate: true });
  }

  /** The running postmaster's pid; undefined when none runs. */
  postmasterPid(): number | undefined {
    const pid = this.handle?.pid();
    return pid !== undefined && isAlive(pid) ? pid : undefined;
  }

  /** Starts PostgreSQL on the same folder and port; resolves once it accepts connections (tried again while refused). */
  async start(): Promise<void> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= 8; attempt++) {
      try {
        this.handle = await startEmbeddedPostgres({
          baseDir: this.options.baseDir,
          name: this.options.name,
          port: this.options.port,
          log: (line) => this.options.log(`postgres: ${line}`),
          disposable: true,
          // Its port is in the servers' DATABASE_URL: fail rather than move to another.
          explicitPort: true,
          role: 'tool',
          label: 'npm run faults',
        });
        this.adminUrl = this.handle.url;
        return;
      } catch (error) {
        lastError = error;
        this.options.log(`PostgreSQL did not start (attempt ${attempt}): ${String(error).split('\n')[0]}`);
        await sleep(250 * attempt);
      }
    }
    throw new Error(`PostgreSQL would not start again: ${String(lastError)}`);
  }

  /** SIGKILL to the postmaster (no shutdown at all: the next start recovers from the WAL); resolves once it and its backends are gone. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGINT to the postmaster (a fast shutdown: sessions are ended, then a checkpoint); resolves once it is down. */
  async fastStop(): Promise<void> {
    await this.signal('SIGINT');
  }

  private async signal(signal: 'SIGKILL' | 'SIGINT'): Promise<void> {
    const pid = this.postmasterPid();
    if (pid === undefined) throw new Error('no postmaster to stop');
    const family = [pid, ...childrenOf(pid)];
    process.kill(pid, signal);
    await waitGone(family, 15_000);
    // The postmaster is gone: this gives up the ownership (and takes the process 'exit' listener off).
    await this.handle?.stop();
    this.handle = undefined;
  }

  /** pg_terminate_backend on every client connection to the servers' database; returns how many. */
  async terminateAppConnections(): Promise<number> {
    const client = new pg.Client({ connectionString: this.adminUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
         WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        [this.options.database],
      );
      return rows[0]?.n ?? 0;
    } finally {
      await client.end();
    }
  }

  /** Stops PostgreSQL for good at the end of the run (a fast shutdown), whoever started the postmaster that runs now. */
  async stop(): Promise<void> {
    if (this.postmasterPid() !== undefined) await this.fastStop().catch(() => undefined);
    await this.handle?.stop();
    this.handle = undefined;
  }

  /** On the way out with no time left (process 'exit'): asks the postmaster to stop, without waiting. */
  stopNow(): void {
    const pid = this.postmasterPid();
    if (pid !== undefined) process.kill(pid, 'SIGINT');
  }
}
