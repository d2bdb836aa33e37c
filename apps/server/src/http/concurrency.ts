import crypto from 'node:crypto';
import { AppError, fieldIssue } from '@accord/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The ETag of a record is its version number. */
export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}

/**
 * The version a client says it edits: If-Match (an ETag we gave) or a `version` field.
 * A write without either is refused with 428, so nobody overwrites a change they never saw.
 */
export function expectedVersion(request: FastifyRequest, bodyVersion: number | undefined): number {
  const header = request.headers['if-match'];
  if (typeof header === 'string' && header.trim() !== '') {
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
    if (!match)
      throw new AppError('VALIDATION_FAILED', 'If-Match must be the ETag of the record.', { issues: [fieldIssue('If-Match', 'invalid')] });
    return Number(match[1]);
  }
  if (bodyVersion !== undefined) return bodyVersion;
  throw new AppError('PRECONDITION_REQUIRED', 'Send the version you edited (If-Match header or a version field).');
}

/**
 * Sends a read whose answer is large and changes only when what it shows changes (the plan tree)
 * with an ETag of its content as this viewer sees it: a weak one, since the bytes on the wire
 * differ by compression. A browser may keep it (`private, no-cache`: for this user only, asked
 * again every time) and asks with If-None-Match; when nothing changed the answer is 304 with no
 * body, so neither the network nor the browser's JSON parser carries it again. The answer is
 * serialised here, once, for its hash and to send: not re-validated against its schema.
 */
export function sendRevalidated(request: FastifyRequest, reply: FastifyReply, answer: unknown): FastifyReply {
  const body = JSON.stringify(answer);
  const etag = contentEtag(crypto.createHash('sha256').update(body));
  reply.header('etag', etag).header('cache-control', 'private, no-cache');
  if (matchesEtag(request.headers['if-none-match'], etag)) return reply.status(304).send();
  return reply.type('application/json; charset=utf-8').send(body);
}

/** The weak ETag of an answer's content, from the SHA-256 it was fed (at once, or in pieces). */
export function contentEtag(sha256: crypto.Hash): string {
  return `W/"${sha256.digest('base64url').slice(0, 32)}"`;
}

/** If-None-Match against one ETag, by weak comparison (RFC 9110 §13.1.2): a list, or `*`. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.trim() === '*' || header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/** An answer made once and kept compressed (the plan tree: `PlanAnswer`). */
export interface PrecompressedAnswer {
  etag: string;
  br: Buffer;
  gzip(): Promise<Buffer>;
  json(): Promise<Buffer>;
}

/**
 * Sends a kept answer as `sendRevalidated` sends a fresh one (its ETag, 304 on If-None-Match),
 * in the encoding the client takes: the kept brotli as it is, else gzip, else the JSON.
 */
export async function sendPrecompressed(request: FastifyRequest, reply: FastifyReply, answer: PrecompressedAnswer): Promise<FastifyReply> {
  reply.header('etag', answer.etag).header('cache-control', 'private, no-cache').header('vary', 'accept-encoding');
  if (matchesEtag(request.headers['if-none-match'], answer.etag)) return reply.status(304).send();
  reply.type('application/json; charset=utf-8');
  const accepted = request.headers['accept-encoding'];
  if (acceptsEncoding(accepted, 'br')) return reply.header('content-encoding', 'br').send(answer.br);
  if (acceptsEncoding(accepted, 'gzip')) return reply.header('content-encoding', 'gzip').send(await answer.gzip());
  return reply.send(await answer.json());
}

/** Whether an Accept-Encoding header takes `coding` (RFC 9110 §12.5.3): named, or by `*`, with a q-value above 0. */
export function acceptsEncoding(header: string | undefined, coding: string): boolean {
  if (!header) return false;
  let star: boolean | undefined;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    const takes = q === undefined || Number(q.slice(2)) > 0;
    if (name === coding) return takes;
    if (name === '*') star = takes;
  }
  return star ?? false;
}
