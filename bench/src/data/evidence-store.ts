import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '@accord/server/src/config.js';
import type { EvidenceBody } from './evidence-bodies.js';

/**
 * Where a bench database's evidence files keep their bytes: the folder the servers the benchmark
 * starts read as their file store (`FILE_DIR`), one per database —
 * `<data dir>/bench-files/<database>` (BENCH_FILE_DIR in place of `<data dir>/bench-files`).
 */
export function benchFilesDir(databaseUrl: string): string {
  const base = process.env.BENCH_FILE_DIR ? path.resolve(process.env.BENCH_FILE_DIR) : path.join(loadConfig().dataDir, 'bench-files');
  return path.join(base, decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) || 'postgres');
}

/** The environment that points a server at a bench database's file store (whatever the caller's own says). */
export function benchFileStoreEnv(databaseUrl: string): Record<string, string> {
  return { FILE_STORAGE: 'local', FILE_DIR: benchFilesDir(databaseUrl) };
}

const BODIES = '.bodies';
/** The first half of a storage key (`<agreement id>/<uuid>`). */
const AGREEMENT_FOLDER = /^[0-9a-f-]{36}$/;

/**
 * Puts the bodies under the storage keys the file rows name, in the layout of the server's folder
 * store (`<root>/<agreement id>/<uuid>`). Each body is written once, in `<root>/.bodies` (a name
 * the store never reads: not a key), and every key is a hard link to it: tens of thousands of
 * names, each a whole file to the server, a few KB on the disk. Where the file system has no hard
 * links, each key gets a copy.
 */
export class EvidenceStore {
  private readonly folders = new Set<string>();
  private readonly masters = new Map<string, string>();
  private linking = true;
  private written = 0;
  /** Keys placed, and how many of them are copies (not links). */
  keys = 0;
  copies = 0;

  private constructor(readonly root: string) {}

  /**
   * Removes what an earlier dataset put in the folder (its bodies and its agreements' folders, and
   * nothing else: a dataset is generated into a fresh database), then writes each body once.
   */
  static open(root: string, bodies: readonly EvidenceBody[]): EvidenceStore {
    const store = new EvidenceStore(root);
    const earlier = fs.existsSync(root) ? fs.readdirSync(root) : [];
    for (const name of earlier) {
      if (name === BODIES || AGREEMENT_FOLDER.test(name)) fs.rmSync(path.join(root, name), { recursive: true, force: true });
    }
    fs.mkdirSync(path.join(root, BODIES), { recursive: true });
    for (const b of bodies) {
      const master = path.join(root, BODIES, b.sha256);
      fs.writeFileSync(master, b.body);
      store.masters.set(b.sha256, master);
      store.written += b.body.length;
    }
    return store;
  }

  /** Makes `key` (`<agreement id>/<uuid>`) hold the body. */
  place(key: string, body: EvidenceBody): void {
    const master = this.masters.get(body.sha256);
    if (!master) throw new Error(`The body ${body.name} was not written`);
    const [folder, name] = key.split('/') as [string, string];
    const dir = path.join(this.root, folder);
    if (!this.folders.has(folder)) {
      fs.mkdirSync(dir, { recursive: true });
      this.folders.add(folder);
    }
    const target = path.join(dir, name);
    if (this.linking) {
      try {
        fs.linkSync(master, target);
        this.keys++;
        return;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EPERM' && code !== 'EMLINK' && code !== 'EXDEV' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
        this.linking = false;
      }
    }
    fs.copyFileSync(master, target);
    this.keys++;
    this.copies++;
    this.written += body.body.length;
  }

  /** Bytes written: each body once, and every copy made where links could not be. */
  get bytesWritten(): number {
    return this.written;
  }
}
