import { emitEvent, isTMA, mockTelegramEnv } from '@telegram-apps/sdk-react';

// Development only: main.tsx imports this module behind `import.meta.env.DEV`, so the production
// build never contains it. The mock exists to develop the UI in a browser (theme, Back button,
// haptics as console lines); its init data is NOT signed, so the app still signs in the browser way
// (demo mode) rather than with Telegram.

const MOCK_FLAG = 'mechta.dev-mock';

const LIGHT = {
  accent_text_color: '#7b5cff',
  bg_color: '#ffffff',
  button_color: '#7b5cff',
  button_text_color: '#ffffff',
  destructive_text_color: '#e5484d',
  header_bg_color: '#f3f1f9',
  hint_color: '#8b879a',
  link_color: '#6d4aff',
  secondary_bg_color: '#f3f1f9',
  section_bg_color: '#ffffff',
  section_header_text_color: '#7b5cff',
  subtitle_text_color: '#8b879a',
  text_color: '#1c1a27',
} as const;

const DARK = {
  accent_text_color: '#a48bff',
  bg_color: '#17212b',
  button_color: '#5288c1',
  button_text_color: '#ffffff',
  destructive_text_color: '#ec3942',
  header_bg_color: '#17212b',
  hint_color: '#708499',
  link_color: '#6ab3f3',
  secondary_bg_color: '#0e1621',
  section_bg_color: '#17212b',
  section_header_text_color: '#6ab3f3',
  subtitle_text_color: '#708499',
  text_color: '#f5f5f5',
} as const;

/**
 * Fakes a Telegram launch when the dev server is opened in a plain browser. Returns true when the
 * environment is the mock (also after a reload), false for a real Telegram launch or `?nomock`.
 */
export function mockTelegramEnvForDev(): boolean {
  const search = new URLSearchParams(window.location.search);
  if (search.has('nomock')) {
    sessionStorage.removeItem(MOCK_FLAG);
    return false;
  }
  // The SDK keeps launch parameters in sessionStorage, so after a reload a mocked tab looks like a
  // Telegram one; the flag tells the two apart.
  if (sessionStorage.getItem(MOCK_FLAG) !== '1' && isTMA()) return false;

  const themeParams = window.matchMedia('(prefers-color-scheme: dark)').matches ? DARK : LIGHT;
  const noInsets = { top: 0, bottom: 0, left: 0, right: 0 };
  mockTelegramEnv({
    launchParams: {
      tgWebAppThemeParams: themeParams,
      tgWebAppData: new URLSearchParams([
        ['user', JSON.stringify({ id: 1, first_name: 'Dev', language_code: navigator.language })],
        ['auth_date', String(Math.floor(Date.now() / 1000))],
        ['hash', 'unsigned-dev-mock'],
        ['signature', 'unsigned-dev-mock'],
      ]),
      tgWebAppVersion: '8.0',
      tgWebAppPlatform: 'tdesktop',
    },
    onEvent([name, params], next) {
      if (name === 'web_app_request_theme') {
        emitEvent('theme_changed', { theme_params: themeParams });
        return;
      }
      if (name === 'web_app_request_safe_area') {
        emitEvent('safe_area_changed', noInsets);
        return;
      }
      if (name === 'web_app_request_content_safe_area') {
        emitEvent('content_safe_area_changed', noInsets);
        return;
      }
      console.debug('[mechta dev mock] Telegram method:', name, params ?? '');
      next();
    },
  });
  sessionStorage.setItem(MOCK_FLAG, '1');
  console.info('[mechta dev mock] Telegram environment mocked for development (unsigned init data).');
  return true;
}
