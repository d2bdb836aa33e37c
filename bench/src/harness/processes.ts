import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { projectDir } from '@accord/server/src/config.js';

/** Accord as production runs it: the server compiled to JavaScript (`apps/server/build.mjs`). */
export const ACCORD_SERVER = 'apps/server/dist/server.js';

/** Compiles the server when a source is newer than its build, so that what is measured is this checkout. */
export function buildServer(): void {
  const built = spawnSync(process.execPath, [path.join(projectDir, 'apps/server/build.mjs'), '--if-stale'], {
    cwd: projectDir,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error(`building the server failed (exit ${built.status})`);
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** Resident memory right now, in MB. */
  rssMb(): number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** VmRSS of a process from /proc (Linux), in MB; 0 when it cannot be read. */
export function readRssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round((kb / 1024) * 10) / 10;
  } catch {
    return 0;
  }
}

async function waitFor(url: string, child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not answer ${url} within ${timeoutMs} ms:\n${output()}`);
}

/**
 * Starts an entry point as its own Node process (so its memory is its own) and waits until
 * `readyPath` answers: compiled JavaScript as it is (with its source maps), TypeScript through tsx.
 */
export async function startProcess(
  entry: string,
  env: Record<string, string>,
  readyPath: string,
  fixedPort?: number,
): Promise<ServerProcess> {
  const port = fixedPort ?? (await freePort());
  // BENCH_CPU_PROF=<folder>: each server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : ['--enable-source-maps'];
  const child = spawn(process.execPath, [...profile, ...loader, path.join(projectDir, entry)], {
    cwd: projectDir,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}${readyPath}`, child, () => log);
  return {
    url,
    pid: child.pid as number,
    rssMb: () => readRssMb(child.pid as number),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/** Samples a process's resident memory every 50 ms until stopped; returns the peak in MB. */
export function sampleRss(proc: ServerProcess): { stop(): number } {
  let peak = proc.rssMb();
  const timer = setInterval(() => {
    peak = Math.max(peak, proc.rssMb());
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, proc.rssMb());
    },
  };
}
