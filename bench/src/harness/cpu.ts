import fs from 'node:fs';
import type pg from 'pg';

/**
 * CPU time spent per request, by the server process and by PostgreSQL, read from /proc (Linux).
 * Throughput at many connections on a small machine is bounded by CPU, so this says where a
 * request's cost went when its req/s moves; latency alone cannot.
 */

/** /proc reports times in USER_HZ, which Linux fixes at 100 for user space. */
const TICK_MS = 10;

/** User + system CPU a process has used so far, in ms; undefined when it cannot be read. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: the fields after it are counted from its ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

function isLocalPostgres(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
  } catch {
    return false;
  }
}

/**
 * The CPU of every PostgreSQL process on this machine serving the server (backends, WAL writer,
 * checkpointer, autovacuum), by pid. Empty when the database runs elsewhere.
 */
async function postgresCpu(db: pg.Pool): Promise<Map<number, number>> {
  const { rows } = await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid()');
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    if (!isLocalPostgres(pid)) continue;
    const ms = processCpuMs(pid);
    if (ms !== undefined) cpu.set(pid, ms);
  }
  return cpu;
}

export interface CpuPerRequest {
  /** ms of CPU the server process spent per request. */
  serverMs: number;
  /** ms of CPU PostgreSQL spent per request; absent when it runs on another machine. */
  databaseMs?: number;
}

/**
 * The endpoint's CPU a request (server and database) as a multiple of the bare SQL run's (driver
 * and database); undefined unless both were measured with the database on this machine.
 */
export function cpuRatio(endpoint: CpuPerRequest | undefined, bare: CpuPerRequest | undefined): number | undefined {
  if (endpoint?.databaseMs === undefined || bare?.databaseMs === undefined) return undefined;
  const base = bare.serverMs + bare.databaseMs;
  return base > 0 ? Math.round(((endpoint.serverMs + endpoint.databaseMs) / base) * 100) / 100 : undefined;
}

export interface CpuMeter {
  /** Per request over `requests` since the meter started. */
  stop(requests: number): Promise<CpuPerRequest | undefined>;
}

/**
 * Starts counting. A PostgreSQL process that appears meanwhile (an autovacuum worker) counts in
 * full; one that ends before `stop` is missed, so the database figure is a floor.
 */
export async function startCpuMeter(serverPid: number, db: pg.Pool): Promise<CpuMeter> {
  const server0 = processCpuMs(serverPid);
  const pg0 = await postgresCpu(db);
  return {
    async stop(requests) {
      const server1 = processCpuMs(serverPid);
      const pg1 = await postgresCpu(db);
      if (server0 === undefined || server1 === undefined || requests === 0) return undefined;
      const round = (n: number) => Math.round((n / requests) * 100) / 100;
      const result: CpuPerRequest = { serverMs: round(server1 - server0) };
      if (pg1.size > 0) {
        let spent = 0;
        for (const [pid, ms] of pg1) spent += ms - (pg0.get(pid) ?? 0);
        result.databaseMs = round(spent);
      }
      return result;
    },
  };
}
