/** The benchmark dataset: what the data CLI, the harness and the smoke test use. */
export {
  DATASET_TODAY,
  generateDataset,
  orderGenerators,
  type DatasetOptions,
  type DatasetReport,
  type GeneratorReport,
} from './dataset.js';
export { benchFilesDir, benchFileStoreEnv } from './evidence-store.js';
export { hasDataset, readDatasetInfo, type DatasetInfo } from './dataset-info.js';
export type { Generator, GeneratorContext } from './context.js';
export { generators } from './generators/index.js';
export { BENCH_EMAIL_DOMAIN, BENCH_PASSWORD } from './generators/users.js';
export type { DatasetRegistry } from './registry.js';
