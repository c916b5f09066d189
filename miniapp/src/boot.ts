/** What boot/boot.js started before this script arrived. */
interface EarlyStart {
  initData: string;
  response: Promise<Response>;
}

declare global {
  interface Window {
    __mechtaBoot?: EarlyStart;
  }
}

/**
 * A fetch that answers the first `POST /auth/telegram` for the launch's init data with the request
 * boot/boot.js already sent, and sends everything else (and that one, when boot.js did not run).
 */
export function withEarlySignIn(send: typeof fetch): typeof fetch {
  let early = window.__mechtaBoot ?? null;
  window.__mechtaBoot = undefined;
  return async (input, init) => {
    if (
      early &&
      input instanceof Request &&
      input.method === 'POST' &&
      input.url.endsWith('/auth/telegram')
    ) {
      const taken = early;
      const body = (await input
        .clone()
        .text()
        .then(JSON.parse, () => null)) as { init_data?: unknown } | null;
      if (body?.init_data === taken.initData) {
        // Used once: a retry after a failure must reach the server again.
        early = null;
        return taken.response;
      }
    }
    return send(input, init);
  };
}
