import autocannon from 'autocannon';

/** One request of a scenario; `setup` may change it per request (e.g. a different task or session). */
export interface LoadRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Called before each request on a connection; returns the request to send. */
  setup?: (request: { method: string; path: string; headers: Record<string, string>; body?: string }) => {
    method: string;
    path: string;
    headers: Record<string, string>;
    body?: string;
  };
  /** Called with each response (status, body, headers). */
  onResponse?: (status: number, body: string, headers: Record<string, string | string[]>) => void;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds to run; the run also stops after `amount` requests when given. */
  duration: number;
  amount?: number;
  request: LoadRequest;
  /** Status codes that count as success (default 200). */
  expect?: number[];
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  /** Responses with an unexpected status, timeouts and connection errors. */
  errors: number;
  statuses: Record<string, number>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] as number;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Drives one request shape at a fixed number of connections over loopback with autocannon,
 * bounded in time (and optionally in requests), and measures every response's latency.
 */
export function runLoad(o: LoadOptions): Promise<LoadResult> {
  const expected = new Set(o.expect ?? [200]);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let unexpected = 0;
  const { setup, onResponse } = o.request;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const instance = autocannon(
      {
        url: o.url,
        connections: o.connections,
        duration: o.duration,
        ...(o.amount ? { amount: o.amount } : {}),
        timeout: 10,
        requests: [
          {
            method: o.request.method,
            path: o.request.path,
            headers: o.request.headers ?? {},
            ...(o.request.body === undefined ? {} : { body: o.request.body }),
            ...(setup ? { setupRequest: (req: never) => setup(req) as never } : {}),
            ...(onResponse
              ? {
                  onResponse: (status: number, body: string, _c: unknown, headers: Record<string, string | string[]>) =>
                    onResponse(status, body, headers),
                }
              : {}),
          } as autocannon.Request,
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        const seconds = (performance.now() - started) / 1000;
        latencies.sort((a, b) => a - b);
        const mean = latencies.reduce((s, x) => s + x, 0) / Math.max(1, latencies.length);
        resolve({
          requests: latencies.length,
          seconds: round(seconds),
          rps: round(latencies.length / seconds),
          latencyMs: {
            p50: round(percentile(latencies, 50)),
            p95: round(percentile(latencies, 95)),
            p99: round(percentile(latencies, 99)),
            max: round(latencies.at(-1) ?? 0),
            mean: round(mean),
          },
          // A run in which nothing came back within the time is a failure, not a quiet zero.
          errors: unexpected + result.errors + result.timeouts + (latencies.length === 0 ? Math.max(1, o.connections) : 0),
          statuses,
        });
      },
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (!expected.has(status)) unexpected += 1;
    });
  });
}
