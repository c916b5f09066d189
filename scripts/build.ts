/**
 * `pnpm build`: compiles the process entry (api/src/main.ts and the workspace code it imports) into
 * one plain-JavaScript file, dist/main.js, which run.sh and the Dockerfile start with bare `node`.
 * Under tsx the process also carries a TypeScript loader (its own thread and esbuild) for its whole
 * life: about 30 MB of the idle RSS. Tests and `pnpm start` keep running the sources with tsx.
 *
 * Only our code is bundled. Every package import stays an import, rewritten to the file it resolves
 * to today (node_modules is pnpm's layout, where dist/ could not find a package by its bare name), so
 * native addons, package assets and lazily imported SDKs load exactly as they do from the sources.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'dist');
const OUT_FILE = path.join(OUT_DIR, 'main.js');

const isBare = (spec: string) =>
  !spec.startsWith('.') &&
  !path.isAbsolute(spec) &&
  !spec.startsWith('node:') &&
  !spec.startsWith('@mechta/');

/** Relative to dist/, as an import specifier. */
const fromOutDir = (file: string) => {
  const rel = path.relative(OUT_DIR, file).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
};

const packagesByPath: Plugin = {
  name: 'packages-by-path',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (!isBare(args.path) || args.pluginData?.resolving) return undefined;
      if (args.kind === 'entry-point') return undefined;
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: { resolving: true },
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: fromOutDir(resolved.path), external: true };
    });
  },
};

/**
 * Our files find their assets (locales, the Mini App build) next to themselves through
 * import.meta.url; in the bundle each keeps pointing at its source file's place.
 */
const sourceMetaUrl: Plugin = {
  name: 'source-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await fs.promises.readFile(args.path, 'utf8');
      const here = `new URL(${JSON.stringify(fromOutDir(args.path))}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', here), loader: 'ts' };
    });
  },
};

const started = performance.now();
await build({
  entryPoints: [path.join(ROOT, 'api/src/main.ts')],
  outfile: OUT_FILE,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Readable stack traces without a source map (Node would hold a parsed map in memory all the time).
  keepNames: true,
  minify: false,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [packagesByPath, sourceMetaUrl],
});
const kb = Math.round(fs.statSync(OUT_FILE).size / 1024);
console.log(
  `built ${path.relative(ROOT, OUT_FILE)} (${kb} KB) in ${Math.round(performance.now() - started)} ms; ${pathToFileURL(OUT_FILE).pathname}`,
);
