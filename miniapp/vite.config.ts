import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/**
 * Writes `.br` and `.gz` beside every text asset of the build, compressed once at their highest
 * levels: the API serves them as they are (@fastify/static `preCompressed`), so a phone on a slow
 * link downloads a third of the bytes and the server spends nothing per request.
 */
function precompress(): Plugin {
  return {
    name: 'mechta:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      const files = Object.keys(bundle).filter((file) => /\.(js|css|html|svg)$/.test(file));
      await Promise.all(
        files.map(async (file) => {
          const full = path.join(dir, file);
          const raw = await fs.promises.readFile(full);
          const [br, gz] = await Promise.all([
            brotli(raw, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
              },
            }),
            gzip(raw, { level: zlib.constants.Z_BEST_COMPRESSION }),
          ]);
          await fs.promises.writeFile(`${full}.br`, br);
          await fs.promises.writeFile(`${full}.gz`, gz);
        }),
      );
    },
  };
}

/**
 * Writes boot/boot.js into the build as `assets/boot-<hash>.js` with the language chunks' names, and
 * loads it (async, ahead of the app's script) from index.html: it starts the sign-in and the texts
 * while the app's script downloads. A separate file, not inline: the API's CSP allows 'self' scripts.
 */
function bootScript(): Plugin {
  return {
    name: 'mechta:boot',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const locales: Record<string, string> = {};
        for (const chunk of Object.values(bundle)) {
          const language =
            chunk.type === 'chunk'
              ? /i18n\/locales\/(\w+)\.ts$/.exec(chunk.facadeModuleId ?? '')?.[1]
              : undefined;
          if (language) locales[language] = `./${chunk.fileName}`;
        }
        const source = fs
          .readFileSync(path.join(import.meta.dirname, 'boot/boot.js'), 'utf8')
          .replace('__MECHTA_LOCALES__', JSON.stringify(locales));
        const fileName = `assets/boot-${createHash('sha256').update(source).digest('base64url').slice(0, 8)}.js`;
        this.emitFile({ type: 'asset', fileName, source });
        const html = bundle['index.html'];
        if (html?.type !== 'asset') throw new Error('mechta:boot found no index.html in the bundle');
        html.source = String(html.source).replace(
          '<script type="module"',
          `<script async fetchpriority="high" src="./${fileName}"></script>\n    <script type="module"`,
        );
      },
    },
  };
}

export default defineConfig(({ command }) => {
  if (command === 'build') {
    // Vite derives import.meta.env.DEV from NODE_ENV, so a NODE_ENV=test or =development leaking in
    // from a test runner or a shell would ship React's dev build and the Telegram mock (mockEnv.ts).
    // `vite build` here always means the production bundle.
    process.env.NODE_ENV = 'production';
  }
  return {
    root: import.meta.dirname,
    // Relative asset URLs keep the build working wherever the API mounts it (`/` today).
    base: './',
    plugins: [react(), bootScript(), precompress()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      // dist/.vite/manifest.json: which chunks and CSS the entry pulls in statically, read by the
      // miniapp benchmark to tell the initial download from the lazy screens.
      manifest: true,
    },
    server: {
      proxy: {
        '/api': 'http://127.0.0.1:8080',
      },
    },
  };
});
