import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// What every browser test of the Mini App shares: where things are, how Chromium is started here,
// Telegram's palettes, the production build, and the URL Telegram opens for a launch.

export const miniappDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(miniappDir, '..');
export const artifacts = path.join(repoRoot, 'test-artifacts');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Telegram's light palette (iOS), as a client sends it in tgWebAppThemeParams. */
export const LIGHT_THEME = {
  bg_color: '#ffffff',
  secondary_bg_color: '#efeff4',
  section_bg_color: '#ffffff',
  text_color: '#000000',
  hint_color: '#8e8e93',
  link_color: '#007aff',
  button_color: '#007aff',
  button_text_color: '#ffffff',
  section_header_text_color: '#6d6d72',
  subtitle_text_color: '#8e8e93',
  destructive_text_color: '#ff3b30',
  section_separator_color: '#c8c7cc',
  header_bg_color: '#f8f8f8',
  accent_text_color: '#007aff',
};

/** Telegram's dark palette (iOS). */
export const DARK_THEME = {
  bg_color: '#17212b',
  secondary_bg_color: '#0e1621',
  section_bg_color: '#17212b',
  text_color: '#f5f5f5',
  hint_color: '#708499',
  link_color: '#6ab3f3',
  button_color: '#5288c1',
  button_text_color: '#ffffff',
  section_header_text_color: '#6ab3f3',
  subtitle_text_color: '#708499',
  destructive_text_color: '#ec3942',
  section_separator_color: '#0e1621',
  header_bg_color: '#17212b',
  accent_text_color: '#6ab2f2',
};

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** True when there is no build, or the sources changed after it. */
function buildIsStale(): boolean {
  const index = path.join(miniappDir, 'dist', 'index.html');
  const sources = Math.max(
    newestChange(path.join(miniappDir, 'src')),
    newestChange(path.join(miniappDir, 'boot')),
    ...['index.html', 'vite.config.ts'].map((file) => fs.statSync(path.join(miniappDir, file)).mtimeMs),
  );
  return !fs.existsSync(index) || fs.statSync(index).mtimeMs < sources;
}

/**
 * Builds the Mini App when there is no build, or when the sources changed after it. Test files run
 * in parallel workers: one builds while holding a lock folder, the others wait for it and then see
 * a fresh build, instead of two builds overwriting dist/ under a page that is loading it.
 */
export function ensureBuilt(): void {
  const lock = path.join(miniappDir, '.build-lock');
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`Mini App build lock ${lock} held for 3 minutes`);
      execSync('sleep 0.2');
    }
  }
  try {
    if (buildIsStale()) execSync('pnpm --filter @mechta/miniapp build', { cwd: repoRoot, stdio: 'inherit' });
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** The URL Telegram opens for a Mini App launch. */
export function launchUrl(base: string, initData: string, theme: Record<string, string>): string {
  const params = [
    `tgWebAppData=${encodeURIComponent(initData)}`,
    'tgWebAppVersion=8.0',
    'tgWebAppPlatform=tdesktop',
    `tgWebAppThemeParams=${encodeURIComponent(JSON.stringify(theme))}`,
  ];
  return `${base}/#${params.join('&')}`;
}
