import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectDir } from '../src/config.js';

/** Production runs the compiled server (apps/server/build.mjs, built by the global setup), never a TypeScript loader. */
describe('the compiled server', () => {
  const dist = path.join(projectDir, 'apps/server/dist');
  const files = fs.readdirSync(dist).filter((name) => name.endsWith('.js'));
  const specifiers = files.flatMap((name) =>
    [
      ...fs
        .readFileSync(path.join(dist, name), 'utf8')
        .matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm),
    ].map((m) => m[1] ?? m[2] ?? ''),
  );

  it('is plain JavaScript for the server and each command-line tool, importing no TypeScript and no loader', () => {
    for (const entry of ['server.js', 'migrate-cli.js', 'seed-cli.js', 'create-admin-cli.js']) expect(files).toContain(entry);
    expect(specifiers.length).toBeGreaterThan(20);
    expect(specifiers.filter((s) => s.endsWith('.ts') || s === 'tsx' || s.startsWith('tsx/') || s.startsWith('@accord/'))).toEqual([]);
  });

  it('is what `npm start` runs', () => {
    const start = fs.readFileSync(path.join(projectDir, 'scripts/start.mjs'), 'utf8');
    expect(start).toContain("'apps/server/dist/server.js'");
    expect(start).not.toMatch(/\btsx\b/);
  });
});
