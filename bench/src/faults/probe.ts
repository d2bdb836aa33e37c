import crypto from 'node:crypto';
import type { SignedIn } from '../web/sign-in.js';
import { labelOf } from './journal.js';
import { send, type Reply } from './load.js';

/**
 * Before the faults: does the pair of servers honour `Idempotency-Key`? One create is sent to the
 * first server, then the same (key and body) to the second, which must replay the first answer
 * (same task, `Idempotency-Replayed: true`); then the key with another body, which must be refused
 * (422 IDEMPOTENCY_KEY_REUSED). Says so in the figures, since without it a lost answer's retry
 * makes a second task and the run counts it as a duplicate.
 */
export interface IdempotencyProbe {
  honoured: boolean;
  detail: string;
}

export async function probeIdempotency(
  urls: [string, string],
  session: SignedIn,
  agreementId: string,
  areaId: string,
  title: string,
): Promise<IdempotencyProbe> {
  const path = `/api/agreements/${agreementId}/tasks`;
  const headers = { 'idempotency-key': crypto.randomUUID() };
  const body = { areaId, title, obligor: 'government' };
  const create = (url: string, b: unknown): Promise<Reply> => send(`${url}${path}`, 'POST', session, b, headers, { hangMs: 15_000 });
  const first = await create(urls[0], body);
  const again = await create(urls[1], body);
  const reused = await create(urls[0], { ...body, title: `${title} (khác)` });
  const idOf = (r: Reply) => (r.body as { id?: string } | undefined)?.id;
  const replayed = first.status === 201 && again.status === 201 && again.replayed && idOf(again) === idOf(first);
  const refused = reused.status === 422 && reused.code === 'IDEMPOTENCY_KEY_REUSED';
  const detail =
    `first: ${labelOf(first)}; same key and body on the other server: ${labelOf(again)}${again.replayed ? ' replayed' : ''}` +
    `${idOf(again) === idOf(first) ? ', same task' : ', another task'}; same key, other body: ${labelOf(reused)}`;
  return { honoured: replayed && refused, detail };
}
