import type { Rng } from '../data/prng.js';
import type { FaultDatabase } from './database.js';
import { isSuccess, tally, type Journal } from './journal.js';
import type { ServerFleet } from './servers.js';

/**
 * The faults, one at a time, spaced over the run. Database faults are of three kinds:
 * - `kill`: SIGKILL to the postmaster (as the OOM killer or a lost machine would), an outage, then a start (crash recovery);
 * - `terminate`: pg_terminate_backend on every app connection (a failover, an administrator), the database stays up;
 * - `restart`: SIGINT to the postmaster (a fast shutdown, as a restart for maintenance), an outage, then a start.
 * A server fault is SIGKILL to one of the two server processes, restarted a moment later.
 *
 * After each fault the loop waits until every server has answered 2xx again (the recovery),
 * then pauses before the next, so that faults never overlap and each is measured on its own.
 */
export type DatabaseFaultKind = 'kill' | 'terminate' | 'restart';
export type Fault = { on: 'database'; kind: DatabaseFaultKind } | { on: 'server'; server: number };

export interface DatabaseOutage {
  kind: DatabaseFaultKind;
  /** When the fault was made. */
  at: number;
  /** When the database accepted connections again (for `terminate`: when the terminations were done). */
  upAt: number;
  /** For `kill` and `restart`: how long the old postmaster and its backends took to go, and the new one to start. */
  goneMs?: number;
  startMs?: number;
  /** Per server: from `upAt` to its first 2xx to a request sent since the fault; undefined if none came within the cap. */
  recoveryMs: (number | undefined)[];
  /** Answers other than 2xx (and other than those dropped on purpose) received from the fault until every server had recovered, by label. */
  refused: Map<string, number>;
  /** The slowest of those answers, ms from sent to received. */
  slowestRefusalMs: number;
  terminated?: number;
}

export interface ServerOutage {
  server: number;
  at: number;
  /** From the kill until the new process said it was ready. */
  restartMs: number;
  /** From ready to its first 2xx; undefined if none came within the cap. */
  recoveryMs: number | undefined;
}

export interface FaultLog {
  database: DatabaseOutage[];
  servers: ServerOutage[];
  /** Servers restarted after they died on their own. */
  revived: number;
}

export interface FaultOptions {
  db: FaultDatabase;
  fleet: ServerFleet;
  journal: Journal;
  rng: Rng;
  /** Pause between a fault's recovery and the next fault. */
  gapMs: [number, number];
  /** How long a killed or stopped database stays down before it is started again. */
  outageMs: [number, number];
  /** How long a killed server stays down before it is started again. */
  serverDownMs: [number, number];
  /** How long a recovery may take before it counts as none. */
  recoveryCapMs: number;
  log: (line: string) => void;
  /** Checked between faults: stop early (Ctrl-C). */
  cancelled: () => boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const KINDS: DatabaseFaultKind[] = ['kill', 'terminate', 'restart'];

/** `dbKills` database faults (the kinds in turn), with `serverKills` server kills spread evenly among them, alternating servers. */
export function planFaults(dbKills: number, serverKills: number, servers: number): Fault[] {
  const plan: Fault[] = Array.from({ length: dbKills }, (_, i) => ({ on: 'database', kind: KINDS[i % KINDS.length] as DatabaseFaultKind }));
  for (let i = serverKills - 1; i >= 0; i--) {
    const at = Math.floor(((i + 0.5) * dbKills) / serverKills);
    plan.splice(Math.min(at + 1, plan.length), 0, { on: 'server', server: i % servers });
  }
  return plan;
}

export class FaultInjector {
  readonly log: FaultLog = { database: [], servers: [], revived: 0 };

  constructor(private readonly o: FaultOptions) {}

  private pick([min, max]: [number, number]): number {
    return this.o.rng.between(min, max);
  }

  /** Runs the plan, one fault after another. */
  async run(plan: Fault[]): Promise<void> {
    for (const [i, fault] of plan.entries()) {
      if (this.o.cancelled()) return;
      await sleep(this.pick(this.o.gapMs));
      await this.revive();
      if (this.o.cancelled()) return;
      const label = fault.on === 'database' ? `database ${fault.kind}` : `server ${fault.server + 1} kill`;
      this.o.log(`fault ${i + 1}/${plan.length}: ${label}`);
      if (fault.on === 'database') await this.databaseFault(fault.kind);
      else await this.serverFault(fault.server);
    }
    await this.revive();
  }

  /** Restarts any server that died on its own (each such death is counted by the fleet as a failure). */
  async revive(): Promise<void> {
    for (let s = 0; s < this.o.fleet.size; s++) {
      if (this.o.fleet.isUp(s)) continue;
      this.o.log(`restarting server ${s + 1}, which died on its own`);
      await this.o.fleet.start(s);
      this.log.revived++;
    }
  }

  private async databaseFault(kind: DatabaseFaultKind): Promise<void> {
    const { db } = this.o;
    const at = Date.now();
    let phases: { terminated: number } | { goneMs: number; startMs: number };
    if (kind === 'terminate') {
      phases = { terminated: await db.terminateAppConnections() };
    } else {
      await (kind === 'kill' ? db.kill() : db.fastStop());
      const goneMs = Date.now() - at;
      await sleep(Math.max(0, at + this.pick(this.o.outageMs) - Date.now()));
      const starting = Date.now();
      await db.start();
      phases = { goneMs, startMs: Date.now() - starting };
    }
    const upAt = Date.now();
    const recoveredAt = await this.waitForEveryServer(at, upAt);
    const end = Math.max(upAt, ...recoveredAt.map((t) => t ?? upAt + this.o.recoveryCapMs));
    // The answers the client dropped itself are not the database's doing.
    const refused = this.o.journal.between(at, end).filter((a) => !isSuccess(a) && a.code !== 'DROPPED');
    const outage: DatabaseOutage = {
      kind,
      at,
      upAt,
      recoveryMs: recoveredAt.map((t) => (t === undefined ? undefined : t - upAt)),
      refused: tally(refused),
      slowestRefusalMs: Math.max(0, ...refused.map((a) => a.receivedAt - a.sentAt)),
      ...phases,
    };
    const how =
      'terminated' in phases ? `${phases.terminated} connections` : `gone in ${phases.goneMs} ms, started in ${phases.startMs} ms`;
    this.log.database.push(outage);
    this.o.log(
      `  ${kind}: down ${upAt - at} ms (${how}), recovered in ${outage.recoveryMs.map((ms) => (ms === undefined ? 'never' : `${ms} ms`)).join(' / ')}` +
        `; refused ${[...outage.refused].map(([k, n]) => `${n}× ${k}`).join(', ') || 'nothing'}`,
    );
  }

  private async serverFault(server: number): Promise<void> {
    const at = Date.now();
    await this.o.fleet.kill(server);
    await sleep(this.pick(this.o.serverDownMs));
    await this.o.fleet.start(server);
    const readyAt = Date.now();
    const recovered = await this.waitFor(server, readyAt, readyAt);
    const outage: ServerOutage = {
      server,
      at,
      restartMs: readyAt - at,
      recoveryMs: recovered === undefined ? undefined : recovered - readyAt,
    };
    this.log.servers.push(outage);
    this.o.log(`  server ${server + 1}: ready again after ${outage.restartMs} ms, first 2xx ${outage.recoveryMs ?? 'never'} ms later`);
  }

  private waitForEveryServer(sentFrom: number, receivedFrom: number): Promise<(number | undefined)[]> {
    return Promise.all(Array.from({ length: this.o.fleet.size }, (_, s) => this.waitFor(s, sentFrom, receivedFrom)));
  }

  /** When `server` first answers 2xx to a request sent since `sentFrom`, received since `receivedFrom`; undefined past the cap. */
  private async waitFor(server: number, sentFrom: number, receivedFrom: number): Promise<number | undefined> {
    const deadline = receivedFrom + this.o.recoveryCapMs;
    for (;;) {
      const at = this.o.journal.firstSuccess(server, sentFrom, receivedFrom);
      if (at !== undefined) return at;
      if (Date.now() > deadline || this.o.cancelled()) return undefined;
      await sleep(10);
    }
  }
}
