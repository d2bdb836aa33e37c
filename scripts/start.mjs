#!/usr/bin/env node
// `npm start`: installs what is missing, builds the web app and the server when their sources changed,
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

// Each built output is rebuilt when a source it comes from is newer: the web app, and the server
// compiled to plain JavaScript (production runs no TypeScript loader).
const builds = [
  { what: 'the web app', output: 'apps/web/dist/index.html', sources: ['apps/web/src', 'packages/domain/src'], workspace: '@accord/web' },
  {
    what: 'the server',
    output: 'apps/server/dist/server.js',
    sources: ['apps/server/src', 'packages/domain/src'],
    workspace: '@accord/server',
  },
];
for (const build of builds) {
  const output = path.join(root, build.output);
  const newest = Math.max(...build.sources.map((dir) => newestMtime(path.join(root, dir))));
  const stale = !fs.existsSync(output) || newest > fs.statSync(output).mtimeMs;
  if (stale && process.env.ACCORD_SKIP_BUILD !== 'true') {
    console.log(`[accord] building ${build.what}…`);
    run('npm', ['run', 'build', '--silent', '-w', build.workspace]);
  }
}

// The server runs in this process, not in a child: whatever ends `npm start` (Ctrl-C, SIGTERM, even
// SIGKILL) ends the server with it, instead of leaving it running without a parent. Its embedded
// PostgreSQL stops with it; after a SIGKILL it is left running, and the next start adopts it.
// Demo data (accounts with the README's password) only on the embedded database, for trying Accord;
// a database given by DATABASE_URL gets none unless ACCORD_DEMO=true asks for it.
process.env.ACCORD_DEMO = process.env.ACCORD_DEMO ?? (process.env.DATABASE_URL ? 'false' : 'true');
process.env.NODE_ENV = process.env.NODE_ENV ?? 'production';
process.chdir(root);
if (process.env.npm_lifecycle_event) stopWithLauncher();
// Stack traces name the TypeScript sources.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(path.join(root, 'apps/server/dist/server.js')).href);

/**
 * Under `npm start` this process's parent is npm's `sh -c`, and npm's parent is npm. A SIGTERM to
 * npm is passed to that shell, which dies without passing it on; a SIGKILL reaches nobody. Either
 * way the server would run on without a parent, holding its port and its PostgreSQL. So it watches
 * both and stops as on SIGTERM (closing the server and stopping the embedded PostgreSQL) when
 * either is gone. Run as `node scripts/start.mjs`, nothing is watched: its parent may come and go.
 */
function stopWithLauncher() {
  const parentOf = (pid) => {
    try {
      return Number(
        fs
          .readFileSync(`/proc/${pid}/stat`, 'utf8')
          .replace(/^.*\) /s, '')
          .split(' ')[1],
      );
    } catch {
      return undefined;
    }
  };
  const alive = (pid) => {
    try {
      process.kill(pid, 0);
      return !/^\S+ \(.*\) Z /s.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return false;
    }
  };
  const parent = process.ppid;
  const launchers = [parent, parentOf(parent)].filter((pid) => Number.isInteger(pid) && pid > 1);
  const timer = setInterval(() => {
    if (process.ppid === parent && launchers.every(alive)) return;
    clearInterval(timer);
    console.log('[accord] npm has gone: stopping');
    process.kill(process.pid, 'SIGTERM');
  }, 500);
  timer.unref();
}
