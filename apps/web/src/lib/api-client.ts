import type { BodyOf, EndpointId, ErrorCode, ParamsOf, QueryOf, ResponseOf } from '@accord/domain';
import { endpoints, fillPath, takesIdempotencyKey } from '@accord/domain/endpoints';
import { ApiError, isRecord } from './api-error';

/**
 * The one way the web app talks to the API: same origin, cookie session, JSON both ways.
 * Every change sends the session's CSRF token; every edit of an existing record sends
 * If-Match with the version the user saw, so the server can refuse a stale edit (412). Every
 * create and other non-idempotent action sends an Idempotency-Key, and is sent again with the same
 * key when its answer is lost (no answer, or 503): the server then answers as the first time and
 * creates nothing twice.
 */

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF token to send; before sign-in the server hands out a pre-session token. */
async function ensureCsrfToken(): Promise<string> {
  if (csrfToken) return csrfToken;
  const { csrfToken: fresh } = await request<{ csrfToken: string }>(endpoints.getCsrf.method, endpoints.getCsrf.path);
  csrfToken = fresh;
  return fresh;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** The version of the record being edited; sent as If-Match. */
  version?: number;
  /** Sent as Idempotency-Key. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** A file's bytes as the body (an upload), sent as they are instead of JSON. */
  raw?: Blob;
}

/** A fresh Idempotency-Key (crypto.getRandomValues, which, unlike randomUUID, also works on plain HTTP). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Pauses before the retries of a keyed request whose answer was lost. */
export const retryDelaysMs = [400, 1500];

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * Codes come from the domain's one table; checking their shape (not the table itself) keeps
 * the domain schemas, and zod with them, out of the first page load.
 */
function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && /^[A-Z][A-Z_]*$/.test(value);
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy error page, say): fall through to a generic error.
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (error && isErrorCode(error.code)) {
    return new ApiError(response.status, error.code, typeof error.message === 'string' ? error.message : '', error.details);
  }
  return new ApiError(response.status, response.status >= 500 ? 'INTERNAL_ERROR' : 'MALFORMED_REQUEST', response.statusText);
}

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = await ensureCsrfToken();
  if (options.version !== undefined) headers['If-Match'] = `"${options.version}"`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  const hasBody = options.body !== undefined;
  if (hasBody) headers['Content-Type'] = 'application/json';
  // The server works out a file's type from its bytes: what the browser would claim is not sent.
  if (options.raw) headers['Content-Type'] = 'application/octet-stream';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.raw ?? (hasBody ? JSON.stringify(options.body) : undefined),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : 'Network error');
  }

  if (!response.ok) {
    const error = await toApiError(response);
    // A rejected token means the session changed under us: fetch a new one next time.
    if (error.code === 'CSRF_TOKEN_INVALID' || error.code === 'UNAUTHENTICATED') csrfToken = null;
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** What a call of endpoint `K` sends: its path parameters, query, body and the version it edits, as its contract says. */
export type CallInput<K extends EndpointId> = (ParamsOf<K> extends undefined ? { params?: undefined } : { params: ParamsOf<K> }) &
  (QueryOf<K> extends undefined ? { query?: undefined } : { query: QueryOf<K> }) &
  (BodyOf<K> extends undefined ? { body?: undefined } : { body: BodyOf<K> }) &
  ((typeof endpoints)[K] extends { versioned: true } ? { version: number } : { version?: undefined }) & { signal?: AbortSignal };

/** A query in the URL: arrays comma-separated, booleans as true/false, empty values left out. */
function queryOf(query: unknown): Record<string, QueryValue> | undefined {
  if (!query || typeof query !== 'object') return undefined;
  return Object.fromEntries(
    Object.entries(query as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v as QueryValue)]),
  );
}

/**
 * Calls an endpoint by its contract: the method and path come from the one table of endpoints
 * the server builds its routes from, the types from its schemas. No path is written by hand.
 */
export function call<K extends EndpointId>(id: K, input: CallInput<K>): Promise<ResponseOf<K>> {
  const endpoint = endpoints[id];
  const { params, query, body, version, signal } = input as {
    params?: Record<string, string>;
    query?: unknown;
    body?: unknown;
    version?: number;
    signal?: AbortSignal;
  };
  const options = { query: queryOf(query), body, version, signal };
  const path = fillPath(endpoint.path, params);
  if (!takesIdempotencyKey(endpoint)) return request<ResponseOf<K>>(endpoint.method, path, options);
  return sendKeyed<ResponseOf<K>>(endpoint.method, path, { ...options, idempotencyKey: newIdempotencyKey() });
}

/** Uploads a file's bytes to an endpoint that takes them (evidence, a plan to import), with an Idempotency-Key like any create. */
export function callUpload<K extends 'uploadFile' | 'uploadPlanImport'>(
  id: K,
  input: { params: ParamsOf<K>; query: QueryOf<K>; file: Blob },
): Promise<ResponseOf<K>> {
  const endpoint = endpoints[id];
  const path = fillPath(endpoint.path, input.params as Record<string, string>);
  return sendKeyed<ResponseOf<K>>(endpoint.method, path, {
    query: queryOf(input.query),
    raw: input.file,
    idempotencyKey: newIdempotencyKey(),
  });
}

/** The address of a GET endpoint, for a link the browser follows itself (a download). */
export function endpointUrl<K extends EndpointId>(id: K, params: Record<string, string>): string {
  if (endpoints[id].method !== 'GET') throw new Error(`${id} is not a GET endpoint`);
  return fillPath(endpoints[id].path, params);
}

/** A lost answer: nothing came back, or the server could not reach its database. The change may or may not have been made. */
const answerLost = (error: unknown) => error instanceof ApiError && (error.status === 0 || error.status === 503);

/** Sends a keyed request, and again with the same key while its answer is lost (at most `retryDelaysMs.length` times). */
export async function sendKeyed<T>(method: Method, path: string, options: RequestOptions & { idempotencyKey: string }): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await request<T>(method, path, options);
    } catch (error) {
      const delay = retryDelaysMs[attempt];
      if (delay === undefined || !answerLost(error) || options.signal?.aborted) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
