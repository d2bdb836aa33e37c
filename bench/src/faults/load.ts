import crypto from 'node:crypto';
import type { Rng } from '../data/prng.js';
import type { SignedIn } from '../web/sign-in.js';
import { isSuccess, labelOf, type Answer, type Journal } from './journal.js';

/**
 * The load: signed-in clients creating tasks with unique titles, one after another, each request
 * to the next server in turn (a load balancer without sticky sessions), and editing some of them.
 *
 * Each logical create carries a fresh `Idempotency-Key`. When its answer is lost (no answer, a
 * 503, or 409 IDEMPOTENCY_IN_PROGRESS) the client sends the same request again, same key, same
 * body, to the other server, until it gets an answer or its cap runs out: so a lost answer must
 * never make a second task. An edit is sent with If-Match, and again the same way: after a lost
 * answer, 412 says the first attempt was applied.
 *
 * A share of creates also lose their first answer on purpose: the client gives up on it a few ms
 * after sending (the server goes on with it) and sends it again at once to the other server, which
 * must answer with the first one's result (replayed) or 409 IDEMPOTENCY_IN_PROGRESS while it runs.
 */
export interface LoadOptions {
  servers: { size: number; url(server: number): string };
  sessions: SignedIn[];
  agreementId: string;
  areaId: string;
  /** Starts every title of this run, so titles are unique across runs and clients. */
  prefix: string;
  journal: Journal;
  /** How long one logical create (or edit) may keep trying before it gives up. */
  retryCapMs: number;
  /** No answer within this is a hang (the request is abandoned and counted). */
  hangMs: number;
  /** Pause before sending again. */
  retryPauseMs: number;
  /** Pause between two logical creates of one client. */
  pauseMs: number;
  /** Share of acknowledged creates that are then edited. */
  editShare: number;
  /** Share of creates whose first answer the client drops (gives up on it 1–40 ms after sending). */
  dropShare: number;
  rng: Rng;
}

export type CreateOutcome = 'acknowledged' | 'given-up' | 'refused';
export type EditOutcome = 'acknowledged' | 'applied-before' | 'given-up' | 'refused';

/** One task the load meant to create, however many requests that took. */
export interface LogicalCreate {
  client: number;
  key: string;
  title: string;
  outcome: CreateOutcome;
  taskId?: string;
  /** Its first answer was dropped on purpose. */
  dropped: boolean;
  /** The answer that acknowledged it was a replay of an earlier request's. */
  replayed: boolean;
  /** Each request's answer, in order. */
  answers: string[];
}

export interface LogicalEdit {
  taskId: string;
  outcome: EditOutcome;
  answers: string[];
}

export interface LoadResult {
  creates: LogicalCreate[];
  edits: LogicalEdit[];
}

export interface Reply {
  status: number;
  code: string | undefined;
  body: unknown;
  replayed: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** How a first answer dropped on purpose is counted (one that came before the client gave up on it is not dropped). */
const DROPPED = labelOf({ status: 0, code: 'DROPPED' });

/** The network error's code (ECONNREFUSED, UND_ERR_SOCKET, …), or `timedOut` when the request was given up on. */
function networkCode(error: unknown, timedOut: string): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return timedOut;
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as { code?: string }).code ?? 'network error';
}

/**
 * One HTTP request as a browser of this session sends it; never throws (no answer is status 0).
 * Given up on after `hangMs` (code HANG), or after `dropAfterMs` when set (code DROPPED).
 */
export async function send(
  url: string,
  method: string,
  session: SignedIn,
  body: unknown,
  headers: Record<string, string>,
  { hangMs, dropAfterMs }: { hangMs: number; dropAfterMs?: number },
) {
  try {
    const res = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', cookie: session.cookieHeader, 'x-csrf-token': session.csrfToken, ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(dropAfterMs ?? hangMs),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      parsed = text;
    }
    const code = res.ok ? undefined : (parsed as { error?: { code?: string } } | undefined)?.error?.code;
    return { status: res.status, code, body: parsed, replayed: res.headers.get('idempotency-replayed') === 'true' } satisfies Reply;
  } catch (error) {
    return {
      status: 0,
      code: networkCode(error, dropAfterMs === undefined ? 'HANG' : 'DROPPED'),
      body: undefined,
      replayed: false,
    } satisfies Reply;
  }
}

/** An answer that says nothing was decided, or that the decision is not known: send the same request again. */
const worthRetrying = (r: Reply) => r.status === 0 || r.status === 503 || (r.status === 409 && r.code === 'IDEMPOTENCY_IN_PROGRESS');

class LoadClient {
  private turn: number;
  private made = 0;

  constructor(
    private readonly index: number,
    private readonly options: LoadOptions,
    private readonly session: SignedIn,
    private readonly result: LoadResult,
    private readonly shouldStop: () => boolean,
    private readonly aborted: () => boolean,
  ) {
    this.turn = index;
  }

  async run(): Promise<void> {
    while (!this.shouldStop()) {
      const created = await this.create();
      if (created.taskId && this.options.rng.chance(this.options.editShare)) await this.edit(created.taskId);
      await sleep(this.options.pauseMs);
    }
  }

  /** Sends one request to the next server in turn and writes its answer in the journal. */
  private async request(what: Answer['what'], method: string, path: string, body: unknown, headers: Record<string, string>, drop: boolean) {
    const { servers, journal, hangMs, rng } = this.options;
    const server = this.turn++ % servers.size;
    const sentAt = Date.now();
    const timing = drop ? { hangMs, dropAfterMs: rng.between(1, 40) } : { hangMs };
    const reply = await send(`${servers.url(server)}${path}`, method, this.session, body, headers, timing);
    journal.add({ server, what, sentAt, receivedAt: Date.now(), status: reply.status, code: reply.code, replayed: reply.replayed });
    return reply;
  }

  /**
   * Sends the same request (same key and body) until it is answered for good or the cap runs out;
   * with `dropFirst`, the first answer is given up on and the request sent again at once. The
   * result is the last answer and every answer's label.
   */
  private async untilAnswered(
    what: Answer['what'],
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string>,
    dropFirst = false,
  ) {
    const deadline = Date.now() + this.options.retryCapMs;
    const answers: string[] = [];
    for (let attempt = 0; ; attempt++) {
      const reply = await this.request(what, method, path, body, headers, dropFirst && attempt === 0);
      answers.push(labelOf(reply));
      if (!worthRetrying(reply) || Date.now() > deadline || this.aborted()) return { reply, answers };
      if (reply.code !== 'DROPPED') await sleep(this.options.retryPauseMs);
    }
  }

  private async create(): Promise<LogicalCreate> {
    const { agreementId, areaId, prefix } = this.options;
    const key = crypto.randomUUID();
    const title = `${prefix} ${this.index + 1}-${++this.made}`;
    const body = { areaId, title, obligor: 'government' };
    const drop = this.options.rng.chance(this.options.dropShare);
    const path = `/api/agreements/${agreementId}/tasks`;
    const { reply, answers } = await this.untilAnswered('create', 'POST', path, body, { 'idempotency-key': key }, drop);
    const created: LogicalCreate = {
      client: this.index,
      key,
      title,
      outcome: 'refused',
      answers,
      dropped: answers[0] === DROPPED,
      replayed: reply.replayed,
    };
    if (isSuccess(reply)) Object.assign(created, { outcome: 'acknowledged', taskId: (reply.body as { id: string }).id });
    else if (worthRetrying(reply)) created.outcome = 'given-up';
    this.result.creates.push(created);
    return created;
  }

  private async edit(taskId: string): Promise<void> {
    const { agreementId } = this.options;
    const { reply, answers } = await this.untilAnswered(
      'edit',
      'PATCH',
      `/api/agreements/${agreementId}/tasks/${taskId}`,
      { responsiblePerson: `Người phụ trách ${this.index + 1}` },
      { 'if-match': '"1"' },
    );
    const lostBefore = answers.length > 1;
    let outcome: EditOutcome = 'refused';
    if (isSuccess(reply)) outcome = 'acknowledged';
    else if (reply.status === 412 && lostBefore) outcome = 'applied-before';
    else if (worthRetrying(reply)) outcome = 'given-up';
    this.result.edits.push({ taskId, outcome, answers });
  }
}

export interface RunningLoad {
  result: LoadResult;
  /** No new logical create starts; resolves once every client has finished the one it is on. */
  stop(): Promise<LoadResult>;
  /** As stop, and what is being retried gives up at its next answer (Ctrl-C). */
  abort(): Promise<LoadResult>;
}

/** Starts one client per session. */
export function startLoad(options: LoadOptions): RunningLoad {
  const result: LoadResult = { creates: [], edits: [] };
  let stopping = false;
  let aborting = false;
  const clients = options.sessions.map(
    (session, i) =>
      new LoadClient(
        i,
        options,
        session,
        result,
        () => stopping,
        () => aborting,
      ),
  );
  const running = Promise.all(clients.map((c) => c.run()));
  return {
    result,
    stop: async () => {
      stopping = true;
      await running;
      return result;
    },
    abort: async () => {
      stopping = true;
      aborting = true;
      await running;
      return result;
    },
  };
}
