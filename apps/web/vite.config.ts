import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** The API (`npm start` in the repository root) that the dev and preview servers forward /api to. */
const apiTarget = 'http://localhost:3000';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Writes a .br and a .gz copy next to every text file of the build, compressed once at the highest
 * levels, so the server can send them as they are (@fastify/static `preCompressed: true`) instead
 * of 1 MB of uncompressed JavaScript and CSS, and without compressing on every request.
 */
function precompress(): Plugin {
  return {
    name: 'accord-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const outDir = options.dir ?? 'dist';
      const files = Object.keys(bundle).filter((file) => /\.(js|css|html|svg|json)$/.test(file) && !file.startsWith('.vite/'));
      await Promise.all(
        files.map(async (file) => {
          const absolute = path.join(outDir, file);
          const content = await readFile(absolute);
          if (content.length < 1024) return;
          const [br, gz] = await Promise.all([
            brotli(content, {
              params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: content.length },
            }),
            gzipAsync(content, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${absolute}.br`, br), writeFile(`${absolute}.gz`, gz)]);
        }),
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  resolve: {
    // One copy of React and Mantine even if a workspace hoists another.
    dedupe: ['react', 'react-dom', '@mantine/core', '@mantine/hooks', '@mantine/dates'],
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    port: 4173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // dist/.vite/manifest.json: the benchmark harness reads it to measure the initial JavaScript.
    manifest: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // A feature's translations (src/features/<feature>/i18n/<language>.json, each its own lazy
        // chunk) as i18n-<feature>-<language>-<hash>.js rather than a row of vi-….js and en-….js.
        chunkFileNames: (chunk) => {
          const file = /features\/([^/]+)\/i18n\/([^/]+)\.json$/.exec(chunk.facadeModuleId ?? '');
          return file ? `assets/i18n-${file[1]}-${file[2]}-[hash].js` : 'assets/[name]-[hash].js';
        },
      },
    },
  },
});
