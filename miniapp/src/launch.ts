// Reads the Telegram launch by hand, without the SDK: the SDK (with its valibot schemas) is a third of
// the first download, and the first screen needs only the init data, the language and the theme.
// The SDK itself starts after the first paint (telegram.ts).

/** What Telegram handed the page when it launched it. */
export interface TelegramLaunch {
  /** Raw init data, byte for byte as Telegram signed it: the API checks the signature over this string. */
  initData: string;
  languageCode: string | undefined;
  platform: string;
  version: string;
  /** tgWebAppThemeParams as sent (`bg_color` → `#ffffff`); empty when absent or unreadable. */
  themeParams: Record<string, string>;
}

// The SDK's own key and format (a JSON string of the raw parameters): it finds them there too after
// an in-app navigation drops the URL hash.
const STORAGE_KEY = 'tapps/launchParams';

function paramsOf(url: string | undefined): URLSearchParams | null {
  if (!url) return null;
  // Telegram puts the parameters in the hash; some clients use the query. The SDK reads both alike.
  const params = new URLSearchParams(url.replace(/^[^?#]*[?#]/, '').replace(/[?#]/g, '&'));
  return params.get('tgWebAppVersion') && params.get('tgWebAppPlatform') ? params : null;
}

function storedParams(): string | undefined {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    const raw: unknown = stored ? JSON.parse(stored) : undefined;
    return typeof raw === 'string' ? `#${raw}` : undefined;
  } catch {
    return undefined;
  }
}

function parseJson(text: string | null): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The Telegram launch this page was opened with (launch parameters in the URL, the navigation entry,
 * or kept in sessionStorage after an in-app navigation), or null in a plain browser. Looks in the
 * same places as the SDK's `retrieveLaunchParams`.
 */
export function readTelegramLaunch(): TelegramLaunch | null {
  const navigation = performance.getEntriesByType('navigation')[0];
  const params = paramsOf(window.location.href) ?? paramsOf(navigation?.name) ?? paramsOf(storedParams());
  const initData = params?.get('tgWebAppData');
  if (!params || !initData) return null;
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(params.toString()));
  } catch {
    // Storage may be disabled; the URL still holds the launch for this page.
  }
  const user = parseJson(new URLSearchParams(initData).get('user')) as
    | { language_code?: unknown }
    | undefined;
  const theme = parseJson(params.get('tgWebAppThemeParams'));
  const themeParams: Record<string, string> = {};
  if (theme && typeof theme === 'object') {
    for (const [key, value] of Object.entries(theme)) {
      if (typeof value === 'string' && /^#[\da-f]{6}$/i.test(value)) themeParams[key] = value;
    }
  }
  return {
    initData,
    languageCode: typeof user?.language_code === 'string' ? user.language_code : undefined,
    platform: params.get('tgWebAppPlatform') ?? '',
    version: params.get('tgWebAppVersion') ?? '',
    themeParams,
  };
}

/** Whether a colour is dark, by the SDK's own measure (`isColorDark`: perceived brightness < 120). */
function isDark(hex: string): boolean {
  const channel = (at: number) => Number.parseInt(hex.slice(at, at + 2), 16);
  const [r, g, b] = [channel(1), channel(3), channel(5)];
  return Math.sqrt(0.299 * r * r + 0.587 * g * g + 0.114 * b * b) < 120;
}

/**
 * Paints the launch's theme before the SDK is there: the same `--tg-theme-*` variables and
 * `data-scheme` the SDK binds later (init.ts), so the first frame already has Telegram's colours.
 */
export function applyLaunchTheme(themeParams: Record<string, string>): void {
  const root = document.documentElement;
  for (const [key, value] of Object.entries(themeParams)) {
    root.style.setProperty(`--tg-theme-${key.replace(/_/g, '-')}`, value);
  }
  if (themeParams.bg_color) root.dataset.scheme = isDark(themeParams.bg_color) ? 'dark' : 'light';
}
