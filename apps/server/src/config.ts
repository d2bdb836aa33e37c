import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseBounds } from './db/pool.js';
import type { S3Settings } from './storage/s3-storage.js';

/** The project folder: three levels above apps/server/src, and above apps/server/dist, where the compiled server runs. */
export const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** The app's own connection (its role granted after migrations); unset: Accord makes `databaseAppRole`. */
  databaseAppUrl: string | undefined;
  databaseAppRole: string;
  /** Read-only lists, search, plan trees and histories may go to a replica. Unset: the primary. */
  databaseReadUrl: string | undefined;
  /** Connections each pool (primary, replica) may open. */
  databasePoolSize: number;
  /** How long a request may wait on the database, each bound in ms (docs/RELIABILITY.md). */
  databaseBounds: DatabaseBounds;
  dataDir: string;
  embeddedPgPort: number;
  sessionTtlHours: number;
  /** The longest a session lives from sign-in, however much it is used (hours). */
  sessionMaxHours: number;
  /** Secure, `__Host-` cookies: over HTTPS (`auto`, by the request), always, or never (`COOKIE_SECURE=true|false`). */
  cookieSecure: 'auto' | 'always' | 'never';
  trustProxy: boolean;
  webDist: string;
  /**
   * Failed sign-ins allowed per account at one address before its back-off starts (each further
   * attempt waits twice as long, up to `backoffMaxMinutes`), and per address over all accounts in
   * the window.
   */
  signInLimits: { perAccountAddress: number; perAddress: number; windowMinutes: number; backoffMaxMinutes: number };
  logLevel: string;
  /** Logs are also written to rotated files in `logDir` (`LOG_FILE=false`: standard output only). */
  logFile: boolean;
  logDir: string;
  /** The API's description (/api/docs, /api/openapi.json) without signing in: by default not in production. */
  apiDocsPublic: boolean;
  /** Evidence files: where they are kept and how large they may be (docs/EXECUTION.md, "Evidence files"). */
  files: {
    storage: 'local' | 's3';
    /** The folder of `local` (default `<data dir>/files`). */
    dir: string | undefined;
    s3: S3Settings;
    /** The largest file accepted, in bytes (`FILE_MAX_MB`, 20 by default). */
    maxBytes: number;
  };
  /** The largest workbook a plan is imported from, in bytes (`IMPORT_MAX_MB`, 10 by default). */
  importMaxBytes: number;
  /**
   * What each instance keeps of whole plan trees, compressed, in bytes (`PLAN_CACHE_MB`, 64 by
   * default; 0 keeps none): a plan of 9,000 tasks is 0.8 MB as one class of viewer sees it.
   */
  planCacheBytes: number;
}

function intFrom(value: string | undefined, fallback: number): number {
  const n = value ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isFinite(n) ? n : fallback;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFrom(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseAppUrl: env.DATABASE_APP_URL || undefined,
    databaseAppRole: env.DATABASE_APP_ROLE || 'accord_app',
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    databasePoolSize: Math.max(1, intFrom(env.DATABASE_POOL_SIZE, 10)),
    databaseBounds: {
      acquireTimeoutMs: Math.max(0, intFrom(env.DATABASE_ACQUIRE_TIMEOUT_MS, 5_000)),
      statementTimeoutMs: Math.max(0, intFrom(env.DATABASE_STATEMENT_TIMEOUT_MS, 30_000)),
      lockTimeoutMs: Math.max(0, intFrom(env.DATABASE_LOCK_TIMEOUT_MS, 5_000)),
      idleInTransactionTimeoutMs: Math.max(0, intFrom(env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS, 30_000)),
      // Past the statement's own bound, so that PostgreSQL's answer (57014) normally comes first.
      queryTimeoutMs: Math.max(0, intFrom(env.DATABASE_QUERY_TIMEOUT_MS, 35_000)),
    },
    dataDir: path.resolve(env.ACCORD_DATA_DIR ?? path.join(projectDir, '.accord')),
    embeddedPgPort: intFrom(env.ACCORD_PG_PORT, 54329),
    sessionTtlHours: intFrom(env.SESSION_TTL_HOURS, 12),
    // A working week.
    sessionMaxHours: Math.max(1, intFrom(env.SESSION_MAX_HOURS, 120)),
    cookieSecure: env.COOKIE_SECURE === 'true' ? 'always' : env.COOKIE_SECURE === 'false' ? 'never' : 'auto',
    trustProxy: env.TRUST_PROXY === 'true',
    webDist: path.join(projectDir, 'apps/web/dist'),
    signInLimits: {
      perAccountAddress: intFrom(env.SIGN_IN_LIMIT_ACCOUNT, 5),
      backoffMaxMinutes: Math.max(1, intFrom(env.SIGN_IN_BACKOFF_MAX_MINUTES, 60)),
      perAddress: intFrom(env.SIGN_IN_LIMIT_ADDRESS, 30),
      windowMinutes: intFrom(env.SIGN_IN_WINDOW_MINUTES, 15),
    },
    logLevel: env.LOG_LEVEL ?? 'info',
    logFile: env.LOG_FILE !== 'false',
    logDir: path.resolve(env.LOG_DIR ?? path.join(env.ACCORD_DATA_DIR ?? path.join(projectDir, '.accord'), 'logs')),
    apiDocsPublic: env.API_DOCS_PUBLIC ? env.API_DOCS_PUBLIC === 'true' : env.NODE_ENV !== 'production',
    files: {
      storage: env.FILE_STORAGE === 's3' ? 's3' : 'local',
      dir: env.FILE_DIR ? path.resolve(env.FILE_DIR) : undefined,
      s3: {
        bucket: env.S3_BUCKET ?? 'accord-files',
        region: env.S3_REGION ?? 'us-east-1',
        endpoint: env.S3_ENDPOINT || undefined,
        forcePathStyle: env.S3_FORCE_PATH_STYLE !== 'false',
        accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
        prefix: env.S3_PREFIX ?? '',
      },
      maxBytes: Math.max(1, intFrom(env.FILE_MAX_MB, 20)) * 1024 * 1024,
    },
    importMaxBytes: Math.max(1, intFrom(env.IMPORT_MAX_MB, 10)) * 1024 * 1024,
    planCacheBytes: Math.max(0, intFrom(env.PLAN_CACHE_MB, 64)) * 1024 * 1024,
  };
}
