#!/usr/bin/env node
// `npm start`: installs what is missing, builds the web app when its sources changed,
// then starts Accord: with the demo data on the embedded PostgreSQL, without on DATABASE_URL.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!fs.existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
  console.log('[accord] installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const dist = path.join(root, 'apps/web/dist/index.html');
const sources = [path.join(root, 'apps/web/src'), path.join(root, 'packages/domain/src')];
const stale = !fs.existsSync(dist) || Math.max(...sources.map(newestMtime)) > fs.statSync(dist).mtimeMs;
if (stale && process.env.ACCORD_SKIP_BUILD !== 'true') {
  console.log('[accord] building the web app…');
  run('npm', ['run', 'build', '--silent']);
}

// The server runs in this process, not in a child: whatever ends `npm start` (Ctrl-C, SIGTERM, even
// SIGKILL) ends the server with it, instead of leaving it running without a parent. Its embedded
// PostgreSQL stops with it; after a SIGKILL it is left running, and the next start adopts it.
// Demo data (accounts with the README's password) only on the embedded database, for trying Accord;
// a database given by DATABASE_URL gets none unless ACCORD_DEMO=true asks for it.
process.env.ACCORD_DEMO = process.env.ACCORD_DEMO ?? (process.env.DATABASE_URL ? 'false' : 'true');
process.env.NODE_ENV = process.env.NODE_ENV ?? 'production';
process.chdir(root);
const { register } = await import('tsx/esm/api');
register();
await import(pathToFileURL(path.join(root, 'apps/server/src/server.ts')).href);
