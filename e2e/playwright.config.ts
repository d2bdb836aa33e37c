import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.E2E_PORT ?? 3100);

/**
 * Journeys against the built web app served by the real server, on an embedded PostgreSQL
 * of its own (.accord/e2e) loaded afresh with the demo data, in Debian's Chromium.
 */
export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: path.join(root, '.accord/reports/e2e.json') }]],
  outputDir: path.join(root, '.accord/e2e-results'),
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // Most journeys read the demo as it was seeded (its counts, its searches). Those that add whole
  // plans to it (the 300-row import) run after them, so that neither depends on the other's order.
  projects: [
    { name: 'demo', testIgnore: /plan-(import|by-area)\.spec\.ts$/ },
    { name: 'adds-data', testMatch: /plan-(import|by-area)\.spec\.ts$/, dependencies: ['demo'] },
  ],
  webServer: {
    // The server as production runs it: compiled by `npm run build` (scripts/test.sh builds it first).
    command: 'node --enable-source-maps apps/server/dist/server.js',
    cwd: root,
    url: `http://localhost:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      ACCORD_DATA_DIR: path.join(root, '.accord/e2e'),
      ACCORD_PG_PORT: process.env.E2E_PG_PORT ?? '54341',
      ACCORD_FRESH_DATABASE: 'true',
      ACCORD_DEMO: 'true',
      NODE_ENV: 'production',
    },
  },
});
