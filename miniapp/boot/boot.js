// The first script of a Telegram launch, tiny and classic (vite.config.ts writes it beside the build
// and into index.html, async): it starts the sign-in and the texts of the launch's language while
// the app's script is still downloading, so the home screen waits on neither round trip after it.
// The app takes both up (src/boot.ts, i18n); without this script it makes the same requests itself.
(() => {
  // { ru: "./assets/ru-….js", en: … }: the language chunks, filled in at build time.
  const locales = __MECHTA_LOCALES__;
  try {
    // Where the SDK and src/launch.ts read the launch too: Telegram puts it in the hash.
    const params = new URLSearchParams(location.href.replace(/^[^?#]*[?#]/, '').replace(/[?#]/g, '&'));
    const initData = params.get('tgWebAppData');
    if (!initData) return;
    window.__mechtaBoot = {
      initData,
      response: fetch('/api/v1/auth/telegram', {
        method: 'POST',
        // Ahead of the app's own script and styles: the first screen waits on this answer most.
        priority: 'high',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          // What the app's client sends (ApiClient's getLanguage in main.tsx).
          'Accept-Language': document.documentElement.lang || navigator.language,
        },
        body: JSON.stringify({ init_data: initData }),
      }),
    };
    // The same choice as pickLanguage(): Telegram's language, then the browser's, else English.
    let language = 'en';
    let user = null;
    try {
      user = JSON.parse(new URLSearchParams(initData).get('user') || 'null');
    } catch {}
    for (const candidate of [user?.language_code, navigator.language]) {
      const primary = typeof candidate === 'string' ? candidate.toLowerCase().split(/[-_]/)[0] : '';
      if (locales[primary]) {
        language = primary;
        break;
      }
    }
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = locales[language];
    document.head.appendChild(link);
  } catch {
    // The app signs in by itself.
  }
})();
