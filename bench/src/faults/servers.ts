import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectDir } from '@accord/server/src/config.js';

/**
 * The two Accord server processes, as behind a load balancer: each is `apps/server/src/server.ts`
 * started as `npm start` does, on a port of its own, on the run's database. A process that ends
 * when the run did not end it is an unexpected death: the failure this run exists to find.
 */
export interface UnexpectedDeath {
  server: number;
  at: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The end of what the process wrote. */
  output: string;
}

interface Slot {
  port: number;
  child: ChildProcess | undefined;
  /** The run ended (or is ending) this process itself. */
  ending: boolean;
  output: string;
}

const READY = 'Accord is ready';
const READY_TIMEOUT_MS = 60_000;

export class ServerFleet {
  readonly deaths: UnexpectedDeath[] = [];
  /** Starts that failed (the process ended before it was ready). */
  readonly failedStarts: string[] = [];
  private readonly slots: Slot[];
  /** The run is ending: no server is started any more. */
  private closed = false;

  constructor(
    ports: number[],
    private readonly env: Record<string, string>,
    private readonly log: (line: string) => void,
  ) {
    this.slots = ports.map((port) => ({ port, child: undefined, ending: false, output: '' }));
  }

  get size(): number {
    return this.slots.length;
  }

  url(server: number): string {
    return `http://127.0.0.1:${this.slot(server).port}`;
  }

  /** Whether a server's process runs now. */
  isUp(server: number): boolean {
    const child = this.slot(server).child;
    return child !== undefined && child.exitCode === null && child.signalCode === null;
  }

  private slot(server: number): Slot {
    const slot = this.slots[server];
    if (!slot) throw new Error(`no server ${server}`);
    return slot;
  }

  /** Starts every server together (each runs the migrations under the advisory lock, as in a rolling deploy). */
  async startAll(): Promise<void> {
    await Promise.all(this.slots.map((_, i) => this.start(i)));
  }

  /** Starts one server and resolves once it says it is ready (tried three times: a start can meet a database fault). */
  async start(server: number): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (this.closed) throw new Error('the run is ending: no server is started');
      try {
        return await this.startOnce(server);
      } catch (error) {
        this.failedStarts.push(`server ${server + 1}: ${(error as Error).message.split('\n')[0]}`);
        if (attempt === 3) throw error;
        this.log(`server ${server + 1} did not start (attempt ${attempt}); trying again`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  private startOnce(server: number): Promise<void> {
    const slot = this.slot(server);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectDir, 'apps/server/src/server.ts')], {
      cwd: projectDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...this.env, PORT: String(slot.port), HOST: '127.0.0.1' },
    });
    slot.child = child;
    slot.ending = false;
    slot.output = '';
    const keep = (chunk: Buffer) => {
      slot.output = (slot.output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    return new Promise<void>((resolve, reject) => {
      let ready = false;
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`server ${server + 1} was not ready within ${READY_TIMEOUT_MS} ms:\n${slot.output}`));
      }, READY_TIMEOUT_MS);
      child.stdout?.on('data', () => {
        if (ready || !slot.output.includes(READY)) return;
        ready = true;
        clearTimeout(timer);
        resolve();
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        if (!ready) return reject(new Error(`server ${server + 1} ended before it was ready (${code ?? signal}):\n${slot.output}`));
        if (slot.child !== child || slot.ending) return;
        this.deaths.push({ server, at: Date.now(), code, signal, output: slot.output.slice(-4_000) });
        this.log(`UNEXPECTED: server ${server + 1} died on its own (${code ?? signal})`);
      });
    });
  }

  /** SIGKILL to one server (as a crash or a lost machine would end it); resolves once it is gone. */
  async kill(server: number): Promise<void> {
    await this.end(server, 'SIGKILL');
  }

  private async end(server: number, signal: NodeJS.Signals): Promise<void> {
    const slot = this.slot(server);
    const child = slot.child;
    if (!child || !this.isUp(server)) return;
    slot.ending = true;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    const fallback = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(fallback);
  }

  /** Stops every server as a deploy would (SIGTERM, SIGKILL after 5 s). */
  async stopAll(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((_, i) => this.end(i, 'SIGTERM')));
  }

  /** On the way out with no time left (process 'exit'): kills what still runs. */
  killNow(): void {
    this.closed = true;
    for (const slot of this.slots) {
      slot.ending = true;
      if (slot.child && slot.child.exitCode === null && slot.child.signalCode === null) slot.child.kill('SIGKILL');
    }
  }
}
