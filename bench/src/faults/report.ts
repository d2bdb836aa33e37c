import type { FaultLog } from './faults.js';
import { tally, type Journal } from './journal.js';
import type { LoadResult } from './load.js';
import type { IdempotencyProbe } from './probe.js';
import type { UnexpectedDeath } from './servers.js';
import type { Verdict } from './verify.js';

/** What one run measured, and whether it passed. */
export interface Figures {
  startedAt: string;
  durationMs: number;
  kills: { kill: number; terminate: number; restart: number; server: number };
  creates: {
    logical: number;
    acknowledged: number;
    givenUp: number;
    refused: number;
    requests: number;
    replayed: number;
    /** First answers dropped on purpose, and of those creates how many were acknowledged by a replay. */
    dropped: number;
    droppedReplayed: number;
    inProgress: number;
  };
  edits: { logical: number; acknowledged: number; appliedBefore: number; givenUp: number; refused: number };
  verdict: Verdict;
  idempotency: IdempotencyProbe;
  deaths: UnexpectedDeath[];
  failedStarts: string[];
  status500: number;
  hangs: number;
  slowestAnswerMs: number;
  unrecovered: number;
  /** Non-2xx answers during database outages (fault until every server answered 2xx again), by label. */
  refusedDuringOutages: Map<string, number>;
  /** Every answer of the run, by label. */
  answers: Map<string, number>;
  recoveryMs: number[];
  outageMs: number[];
  serverRestartMs: number[];
  failures: string[];
}

function count<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.reduce((n, item) => n + (test(item) ? 1 : 0), 0);
}

function sum(into: Map<string, number>, from: Map<string, number>): Map<string, number> {
  for (const [k, n] of from) into.set(k, (into.get(k) ?? 0) + n);
  return new Map([...into].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])));
}

/** What makes the run fail: anything lost, twice, half-applied, a crash, a 500, a hang, or a server that did not come back. */
function failuresOf(f: Omit<Figures, 'failures'>): string[] {
  const checks: [number, string][] = [
    [f.verdict.lost.length, 'acknowledged tasks lost'],
    [f.verdict.duplicated.length, 'tasks duplicated'],
    [f.verdict.halfApplied.length, 'half-applied changes'],
    [f.verdict.editsWrong.length, 'edits not as acknowledged'],
    [f.deaths.length, 'unexpected server deaths'],
    [f.status500, 'answers 500'],
    [f.hangs, 'hangs'],
    [f.unrecovered, 'recoveries that did not come within the cap'],
  ];
  return checks.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
}

export function computeFigures(input: {
  startedAt: number;
  endedAt: number;
  faults: FaultLog;
  journal: Journal;
  load: LoadResult;
  verdict: Verdict;
  idempotency: IdempotencyProbe;
  deaths: UnexpectedDeath[];
  failedStarts: string[];
}): Figures {
  const { faults, journal, load } = input;
  const answers = journal.answers;
  const creates = answers.filter((a) => a.what === 'create');
  const byKind = (kind: string) => count(faults.database, (o) => o.kind === kind);
  const figures: Omit<Figures, 'failures'> = {
    startedAt: new Date(input.startedAt).toISOString(),
    durationMs: input.endedAt - input.startedAt,
    kills: { kill: byKind('kill'), terminate: byKind('terminate'), restart: byKind('restart'), server: faults.servers.length },
    creates: {
      logical: load.creates.length,
      acknowledged: count(load.creates, (c) => c.outcome === 'acknowledged'),
      givenUp: count(load.creates, (c) => c.outcome === 'given-up'),
      refused: count(load.creates, (c) => c.outcome === 'refused'),
      requests: creates.length,
      replayed: count(creates, (a) => a.replayed),
      dropped: count(load.creates, (c) => c.dropped),
      droppedReplayed: count(load.creates, (c) => c.dropped && c.replayed),
      inProgress: count(creates, (a) => a.status === 409 && a.code === 'IDEMPOTENCY_IN_PROGRESS'),
    },
    edits: {
      logical: load.edits.length,
      acknowledged: count(load.edits, (e) => e.outcome === 'acknowledged'),
      appliedBefore: count(load.edits, (e) => e.outcome === 'applied-before'),
      givenUp: count(load.edits, (e) => e.outcome === 'given-up'),
      refused: count(load.edits, (e) => e.outcome === 'refused'),
    },
    verdict: input.verdict,
    idempotency: input.idempotency,
    deaths: input.deaths,
    failedStarts: input.failedStarts,
    status500: count(answers, (a) => a.status >= 500 && a.status !== 503),
    hangs: count(answers, (a) => a.status === 0 && a.code === 'HANG'),
    slowestAnswerMs: Math.max(0, ...answers.map((a) => a.receivedAt - a.sentAt)),
    unrecovered:
      count(faults.database, (o) => o.recoveryMs.some((ms) => ms === undefined)) + count(faults.servers, (o) => o.recoveryMs === undefined),
    refusedDuringOutages: faults.database.reduce((all, o) => sum(all, o.refused), new Map<string, number>()),
    answers: tally(answers),
    recoveryMs: faults.database.flatMap((o) => o.recoveryMs.filter((ms): ms is number => ms !== undefined)),
    outageMs: faults.database.filter((o) => o.kind !== 'terminate').map((o) => o.upAt - o.at),
    serverRestartMs: faults.servers.map((o) => o.restartMs),
  };
  return { ...figures, failures: failuresOf(figures) };
}

/** min / median / max of a list of ms, as `120 / 340 / 910 ms`. */
function spread(values: number[]): string {
  if (values.length === 0) return '–';
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)] as number;
  return `${sorted[0]} / ${median} / ${sorted[sorted.length - 1]} ms`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const labels = (counts: Map<string, number>) => [...counts].map(([label, n]) => `${n} × \`${label}\``).join(', ') || 'none';

/** The figures as Markdown: one table, then the failures (if any). */
export function renderFigures(f: Figures, context: { commit: string; options: string }): string {
  const v = f.verdict;
  const rows: [string, string][] = [
    [
      '`Idempotency-Key` honoured by the two servers (probe before the faults)',
      f.idempotency.honoured ? 'yes' : `**no**: ${f.idempotency.detail}`,
    ],
    ['database: postmaster SIGKILLed, then started', String(f.kills.kill)],
    ['database: every app connection terminated (pg_terminate_backend)', String(f.kills.terminate)],
    ['database: fast restart (SIGINT, then started)', String(f.kills.restart)],
    ['server processes SIGKILLed, then restarted', String(f.kills.server)],
    ['logical creates (requests sent)', `${f.creates.logical} (${f.creates.requests})`],
    ['acknowledged (2xx)', String(f.creates.acknowledged)],
    ['of which replayed (`Idempotency-Replayed: true`)', String(f.creates.replayed)],
    [
      'first answer dropped by the client on purpose / then acknowledged by a replay',
      `${f.creates.dropped} / ${f.creates.droppedReplayed}`,
    ],
    ['`409 IDEMPOTENCY_IN_PROGRESS` answers (sent again while the first still ran)', String(f.creates.inProgress)],
    ['given up (no 2xx within the cap) / of those saved', `${f.creates.givenUp} / ${v.savedThoughGivenUp}`],
    ['refused for good (another 4xx)', String(f.creates.refused)],
    [
      'edits: acknowledged / applied before a lost answer / given up / refused',
      `${f.edits.acknowledged} / ${f.edits.appliedBefore} / ${f.edits.givenUp} / ${f.edits.refused}`,
    ],
    ['tasks in the database', String(v.tasks)],
    ['**lost** (acknowledged, not in the database)', String(v.lost.length)],
    ['**duplicated** (a title saved twice)', String(v.duplicated.length)],
    ['**half-applied** (task without its create event, or event without its task)', String(v.halfApplied.length)],
    ['**edits not as acknowledged**', String(v.editsWrong.length)],
    ['**unexpected server deaths**', String(f.deaths.length)],
    ['**500 answers**', String(f.status500)],
    ['**hangs** (no answer within the bound)', String(f.hangs)],
    ['**recoveries not within the cap**', String(f.unrecovered)],
    ['refused answers during database outages', labels(f.refusedDuringOutages)],
    ['slowest answer of the run', `${f.slowestAnswerMs} ms`],
    ['database down (kill or stop → accepting again), min / median / max', spread(f.outageMs)],
    ['recovery (database accepting → first 2xx, each server), min / median / max', spread(f.recoveryMs)],
    ['server restart (kill → ready), min / median / max', spread(f.serverRestartMs)],
    ['run duration', seconds(f.durationMs)],
  ];
  const table = ['| figure | value |', '|---|---:|', ...rows.map(([k, val]) => `| ${k} | ${val} |`)].join('\n');
  const head = `Run of ${f.startedAt.slice(0, 10)}, commit ${context.commit} (${context.options}).`;
  const verdict = f.failures.length === 0 ? '**Passed.**' : `**Failed:** ${f.failures.join('; ')}.`;
  return `${head}\n\n${table}\n\nAll answers: ${labels(f.answers)}.\n\n${verdict}\n`;
}

/** The first few examples of each failure, to start looking from. */
export function renderExamples(f: Figures): string {
  const lines: string[] = [];
  const show = (what: string, items: string[]) => {
    if (items.length > 0) lines.push(`${what}:`, ...items.slice(0, 5).map((i) => `  ${i}`));
  };
  show('lost', f.verdict.lost);
  show('duplicated', f.verdict.duplicated);
  show('half-applied', f.verdict.halfApplied);
  show('edits not as acknowledged', f.verdict.editsWrong);
  show('failed starts', f.failedStarts);
  for (const d of f.deaths) lines.push(`server ${d.server + 1} died (${d.code ?? d.signal}); its last output:`, d.output);
  return lines.join('\n');
}
