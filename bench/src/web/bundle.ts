import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** One chunk of Vite's build manifest (dist/.vite/manifest.json); only the fields read here. */
interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface InitialJs {
  /** gzip bytes of the entry chunk and every chunk it imports statically: what the first load fetches. */
  initialJsGzipBytes: number;
  files: { file: string; gzipBytes: number }[];
  /** For each lazy route (a dynamic import of the entry, keyed by its source path): the extra gzip bytes to open it. */
  routes: Record<string, number>;
}

/**
 * Measures the JavaScript the first page load needs, from the Vite manifest: the entry chunk and
 * its static imports, transitively (what index.html loads and modulepreloads). Dynamic imports are
 * the lazy routes, reported separately. The result is cross-checked against dist/index.html.
 */
export async function measureInitialJs(distDir: string): Promise<InitialJs> {
  const manifest = await readManifest(distDir);
  const [entryKey, entry] = findEntry(manifest);
  const gzipBytesOf = memoGzipSize(distDir);

  const initialKeys = staticClosure(manifest, [entryKey]);
  const files = await Promise.all(
    [...initialKeys].map(async (key) => {
      const file = chunk(manifest, key).file;
      return { file, gzipBytes: await gzipBytesOf(file) };
    }),
  );
  files.sort((a, b) => b.gzipBytes - a.gzipBytes);
  const initialJsGzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);

  await checkAgainstHtml(distDir, new Set(files.map((f) => f.file)));

  const routes: Record<string, number> = {};
  for (const routeKey of entry.dynamicImports ?? []) {
    const extra = [...staticClosure(manifest, [routeKey])].filter((key) => !initialKeys.has(key));
    const sizes = await Promise.all(extra.map((key) => gzipBytesOf(chunk(manifest, key).file)));
    routes[chunk(manifest, routeKey).src ?? routeKey] = sizes.reduce((sum, n) => sum + n, 0);
  }
  return { initialJsGzipBytes, files, routes };
}

async function readManifest(distDir: string): Promise<Manifest> {
  const manifestPath = path.join(distDir, '.vite', 'manifest.json');
  try {
    return JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
  } catch (error) {
    throw new Error(`Cannot read ${manifestPath} (build the web app with build.manifest: true): ${String(error)}`, { cause: error });
  }
}

function findEntry(manifest: Manifest): [string, ManifestChunk] {
  const entries = Object.entries(manifest).filter(([, c]) => c.isEntry);
  if (entries.length !== 1) throw new Error(`Expected one entry chunk in the Vite manifest, found ${entries.length}`);
  return entries[0] as [string, ManifestChunk];
}

function chunk(manifest: Manifest, key: string): ManifestChunk {
  const found = manifest[key];
  if (!found) throw new Error(`The Vite manifest has no chunk ${key}`);
  return found;
}

/** The chunks named by `roots` and everything they import statically, transitively. */
function staticClosure(manifest: Manifest, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const pending = [...roots];
  for (let key = pending.pop(); key !== undefined; key = pending.pop()) {
    if (seen.has(key)) continue;
    seen.add(key);
    pending.push(...(chunk(manifest, key).imports ?? []));
  }
  return seen;
}

function memoGzipSize(distDir: string): (file: string) => Promise<number> {
  const sizes = new Map<string, Promise<number>>();
  return (file) => {
    let size = sizes.get(file);
    if (!size) {
      size = readFile(path.join(distDir, file)).then((bytes) => gzipSync(bytes, { level: 9 }).length);
      sizes.set(file, size);
    }
    return size;
  };
}

/** The scripts and module preloads dist/index.html references, as dist-relative paths. */
export function htmlScriptFiles(html: string): string[] {
  const tags = html.match(/<(script|link)\b[^>]*>/gi) ?? [];
  const files: string[] = [];
  for (const tag of tags) {
    const isModuleScript = /^<script\b/i.test(tag) && /\btype=["']?module\b/i.test(tag);
    const isModulePreload = /^<link\b/i.test(tag) && /\brel=["']?modulepreload\b/i.test(tag);
    const url = /\b(?:src|href)=["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if ((isModuleScript || isModulePreload) && url) files.push(url.replace(/^\//, ''));
  }
  return files;
}

async function checkAgainstHtml(distDir: string, fromManifest: Set<string>): Promise<void> {
  const fromHtml = new Set(htmlScriptFiles(await readFile(path.join(distDir, 'index.html'), 'utf8')));
  const onlyManifest = [...fromManifest].filter((f) => !fromHtml.has(f));
  const onlyHtml = [...fromHtml].filter((f) => !fromManifest.has(f));
  if (onlyManifest.length > 0 || onlyHtml.length > 0) {
    throw new Error(
      `The Vite manifest and dist/index.html disagree on the initial JavaScript. ` +
        `Only in the manifest: ${onlyManifest.join(', ') || '-'}; only in index.html: ${onlyHtml.join(', ') || '-'}`,
    );
  }
}
