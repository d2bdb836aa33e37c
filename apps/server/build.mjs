#!/usr/bin/env node
// `npm run build -w @accord/server`: the server and its command-line tools as plain JavaScript in
// apps/server/dist, which is what production runs (`npm start`, the e2e tests, the benchmark):
// no TypeScript loader at run time. The server's own code and the domain package are bundled;
// every other package stays an import resolved from node_modules as it is (native binaries,
// worker-thread transports and PostgreSQL's binaries keep working, and licences stay with them).
//
//   node apps/server/build.mjs [--if-stale]   (--if-stale: only when a source is newer than the build)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const dist = path.join(here, 'dist');

/** The entry points, by the name of the file each becomes in dist/. */
const entries = {
  server: 'src/server.ts',
  'migrate-cli': 'src/db/migrate-cli.ts',
  'seed-cli': 'src/seed/seed-cli.ts',
  'create-admin-cli': 'src/admin/create-admin-cli.ts',
};

/** What the build is made from: newer than dist/server.js means the build is stale. */
const sources = [path.join(here, 'src'), path.join(root, 'packages/domain/src'), fileURLToPath(import.meta.url)];

function newestMtime(file) {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((name) => newestMtime(path.join(file, name))));
}

export function isStale() {
  const built = path.join(dist, 'server.js');
  return !fs.existsSync(built) || Math.max(...sources.map(newestMtime)) > fs.statSync(built).mtimeMs;
}

/** Bundles the workspace's own code (relative imports and @accord/*); leaves every other package external. */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@accord/') ? undefined : { path: args.path, external: true }));
  },
};

export async function buildServer() {
  const result = await esbuild.build({
    absWorkingDir: here,
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, path.join(here, file)])),
    outdir: dist,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    plugins: [externalPackages],
  });
  // Chunks are named by their content: what an earlier build wrote and this one did not goes.
  const written = new Set(Object.keys(result.metafile.outputs).map((file) => path.resolve(here, file)));
  for (const name of fs.readdirSync(dist)) {
    if (!written.has(path.join(dist, name))) fs.rmSync(path.join(dist, name), { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--if-stale') || isStale()) await buildServer();
}
