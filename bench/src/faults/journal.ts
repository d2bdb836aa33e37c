/**
 * Every answer the load got, in the order received: what the fault loop measures recovery on and
 * what the report counts. `status` 0 is no answer at all (a refused or reset connection, or no
 * answer within the hang bound), with the network error's code in `code`.
 */
export interface Answer {
  server: number;
  what: 'create' | 'edit';
  sentAt: number;
  receivedAt: number;
  status: number;
  /** The error's code (`DATABASE_UNAVAILABLE`, …), or the network error's (`ECONNREFUSED`, `HANG`, …). */
  code: string | undefined;
  replayed: boolean;
}

/** How an answer is counted: `201`, `503 DATABASE_UNAVAILABLE`, `no answer (ECONNRESET)`. */
export function labelOf(answer: Pick<Answer, 'status' | 'code'>): string {
  if (answer.status === 0) return `no answer (${answer.code ?? 'network error'})`;
  return answer.code ? `${answer.status} ${answer.code}` : String(answer.status);
}

export const isSuccess = (answer: Pick<Answer, 'status'>) => answer.status >= 200 && answer.status < 300;

/** Counts by label, most frequent first. */
export function tally(answers: readonly Answer[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of answers) counts.set(labelOf(a), (counts.get(labelOf(a)) ?? 0) + 1);
  return new Map([...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])));
}

export class Journal {
  readonly answers: Answer[] = [];

  add(answer: Answer): void {
    this.answers.push(answer);
  }

  /** When a server first answered 2xx to a request sent at or after `sentFrom`, received at or after `receivedFrom`. */
  firstSuccess(server: number, sentFrom: number, receivedFrom: number): number | undefined {
    // Answers are kept in the order received: walk back to the first one received in time.
    let first: number | undefined;
    for (let i = this.answers.length - 1; i >= 0; i--) {
      const a = this.answers[i] as Answer;
      if (a.receivedAt < receivedFrom) break;
      if (a.server === server && a.sentAt >= sentFrom && isSuccess(a)) first = a.receivedAt;
    }
    return first;
  }

  /** The answers received in [from, to]. */
  between(from: number, to: number): Answer[] {
    return this.answers.filter((a) => a.receivedAt >= from && a.receivedAt <= to);
  }
}
