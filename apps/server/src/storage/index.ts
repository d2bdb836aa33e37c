import path from 'node:path';
import type { Config } from '../config.js';
import type { FileStorage } from './file-storage.js';
import { LocalFileStorage } from './local-storage.js';
import { S3FileStorage } from './s3-storage.js';

export type { FileStorage } from './file-storage.js';

/** The file store the configuration names: `FILE_STORAGE=s3` and its S3_* settings, or a folder (default `<data dir>/files`). */
export function createFileStorage(config: Config): FileStorage {
  const files = config.files;
  if (files.storage === 's3') return new S3FileStorage(files.s3);
  return new LocalFileStorage(files.dir ?? path.join(config.dataDir, 'files'));
}
