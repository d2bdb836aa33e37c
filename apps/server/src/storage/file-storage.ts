import { AppError } from '@accord/domain';

/**
 * Where evidence files' bytes live: a folder under the data directory by default, any
 * S3-compatible store by configuration. The database keeps what a file is (its name, type, size,
 * SHA-256, who may read it); the store keeps only bytes under generated keys. Every instance of
 * the server reads the same store, so any of them serves any file.
 */
export interface FileStorage {
  /** Stores `body` under `key` (a generated name: `<agreement id>/<uuid>`). */
  put(key: string, body: Buffer): Promise<void>;
  /** The bytes stored under `key`; `FILE_NOT_FOUND` when there are none. */
  get(key: string): Promise<Buffer>;
  /** Removes `key`, if it is there. */
  delete(key: string): Promise<void>;
  /** Where the files are, for the start-up log. */
  readonly description: string;
}

/** A generated key only: never a path a caller could steer. */
export const STORAGE_KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

export function checkKey(key: string): string {
  if (!STORAGE_KEY.test(key)) throw new Error(`Not a storage key: ${key}`);
  return key;
}

export const storageUnavailable = (cause: unknown) =>
  new AppError('STORAGE_UNAVAILABLE', 'The file store does not answer; try again in a moment.', {
    reason: cause instanceof Error ? cause.name : 'unknown',
  });
export const storedFileMissing = () => new AppError('FILE_NOT_FOUND', 'The file is not in the file store.');
