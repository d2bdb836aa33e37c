import { AppError, type Endpoint } from '@accord/domain';
import type { FastifyInstance } from 'fastify';

/**
 * What a request body may be, decided before it is parsed: one cheap request must not stall the
 * server (a 1 MB body nested a hundred thousand levels deep blocked the event loop for 1.7 s).
 * - Bodies sent to routes that need a session are refused (401) before they are read when there
 *   is none (the auth gate runs in `onRequest`, `http/session.ts`).
 * - Each route has its own size limit (`bodyLimitOf`); past it, 413 `PAYLOAD_TOO_LARGE`.
 * - JSON is read by a parser of our own: nesting deeper than `MAX_JSON_DEPTH`, and keys that could
 *   reach an object's prototype, are refused (400 `MALFORMED_REQUEST`) before `JSON.parse` runs.
 */

/** Deeper than any body of the API needs (an agreement with its parties is 3 levels deep). */
export const MAX_JSON_DEPTH = 16;

/** Sign-in and the other public routes take little; a signed-in user's largest body (an agreement with its summary, bases and links) stays under 150 KB. */
export const PUBLIC_BODY_LIMIT = 16 * 1024;
export const SIGNED_IN_BODY_LIMIT = 256 * 1024;

export function bodyLimitOf(endpoint: Endpoint): number {
  return endpoint.operation === 'public' ? PUBLIC_BODY_LIMIT : SIGNED_IN_BODY_LIMIT;
}

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The deepest nesting of a JSON text, stopping as soon as it passes `limit` (one pass, no allocation). */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return false;
}

const PROTOTYPE_KEY = /"(?:__proto__|constructor|prototype)"\s*:/;

function malformed(message: string): AppError {
  return new AppError('MALFORMED_REQUEST', message);
}

/** Parses a JSON body within the limits above. */
export function parseJsonBody(text: string): unknown {
  if (text.length === 0) throw malformed('The request body is empty; send JSON or no Content-Type.');
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) throw malformed(`The request body is nested more than ${MAX_JSON_DEPTH} levels deep.`);
  if (PROTOTYPE_KEY.test(text)) throw malformed('The request body uses a key that is not allowed (__proto__, constructor, prototype).');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw malformed('The request body is not valid JSON.');
  }
}

/** Replaces Fastify's JSON parser with `parseJsonBody` (the route's bodyLimit still applies first). */
export function registerBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

/**
 * In the calling plugin only: any body is a file's bytes, whatever Content-Type the browser gives
 * (it is not believed: what the file is, is worked out from its bytes). JSON stays JSON elsewhere.
 */
export function acceptFileBytes(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
}
