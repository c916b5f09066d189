import createClient, { type Client, type MaybeOptionalInit, type MethodResponse } from 'openapi-fetch';
import type { HttpMethod, PathsWithMethod } from 'openapi-typescript-helpers';
import type { paths } from './schema.gen.ts';
import type { AuthResult, EnvelopeError, EnvelopeMeta, Pagination } from './types.ts';

/** An API failure: the envelope's error, or a network / malformed-response failure (`httpCode` 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: string;
  readonly httpCode: number;
  readonly details: unknown;
  /** Per-field messages from a 422 `VALIDATION_FAILED`, keyed by the request field name. */
  readonly fields: Record<string, string>;
  readonly requestId: string | null;

  constructor(error: Partial<EnvelopeError> & { code: string; message: string }, requestId?: string | null) {
    super(error.message);
    this.code = error.code;
    this.httpCode = error.http_code ?? 0;
    this.details = error.details ?? null;
    this.fields = error.fields ?? {};
    this.requestId = requestId ?? null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The `result` of a route's success envelope, as the generated OpenAPI types describe it. */
export type ResultOf<M extends HttpMethod, P extends PathsWithMethod<paths, M>> =
  MethodResponse<Client<paths>, M, P> extends { result: infer R } ? R : never;

/** The query parameters a GET route takes. */
export type QueryOf<P extends PathsWithMethod<paths, 'get'>> = NonNullable<
  paths[P]['get'] extends { parameters: { query?: infer Q } } ? Q : never
>;

interface RequestOptions {
  /** Send the bearer token and recover from a 401 by refreshing; off for the sign-in calls. */
  auth?: boolean;
}

/** Path and query parameters and the body of a call, typed by its route, plus our own options. */
export type CallInit<M extends HttpMethod, P extends PathsWithMethod<paths, M>> = MaybeOptionalInit<
  paths[P],
  M
> &
  RequestOptions;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** What any envelope carries, success or failure. */
interface Envelope {
  ok: boolean;
  result: unknown;
  error: EnvelopeError | null;
  meta: EnvelopeMeta;
}

export interface Page<T> {
  items: T;
  pagination: Pagination | null;
}

export interface ApiClientOptions {
  /** Prefix of every path; the API serves the Mini App from the same origin. */
  baseUrl?: string;
  storage?: Storage;
  fetch?: typeof fetch;
  /** The UI language, sent as Accept-Language so error messages come back in it. */
  getLanguage?: () => string;
}

const ACCESS_KEY = 'mechta.access_token';
const REFRESH_KEY = 'mechta.refresh_token';

/**
 * fetch wrapper for `/api/v1`: unwraps the response envelope, throws {@link ApiError}, keeps the
 * tokens in sessionStorage and refreshes an expired access token once before giving up.
 */
export class ApiClient {
  private readonly baseUrl: string;
  private readonly storage: Storage;
  private readonly fetchImpl: typeof fetch;
  private readonly getLanguage: () => string;
  private readonly client: Client<paths>;
  private refreshing: Promise<boolean> | null = null;
  private readonly sessionLostListeners = new Set<() => void>();

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '/api/v1';
    this.storage = options.storage ?? window.sessionStorage;
    // Bound so a bare `fetch` reference does not lose its `window` receiver.
    this.fetchImpl = options.fetch ?? window.fetch.bind(window);
    this.getLanguage = options.getLanguage ?? (() => navigator.language);
    // The client generated from the OpenAPI document builds each request; this class adds the
    // session, the envelope and the errors around it.
    this.client = createClient<paths>({ baseUrl: this.baseUrl, fetch: (request) => this.fetchImpl(request) });
  }

  hasSession(): boolean {
    return this.storage.getItem(REFRESH_KEY) !== null || this.storage.getItem(ACCESS_KEY) !== null;
  }

  /** Keeps the tokens of a sign-in or refresh result. */
  setSession(auth: Pick<AuthResult, 'access_token' | 'refresh_token'>): void {
    this.storage.setItem(ACCESS_KEY, auth.access_token);
    this.storage.setItem(REFRESH_KEY, auth.refresh_token);
  }

  clearSession(): void {
    this.storage.removeItem(ACCESS_KEY);
    this.storage.removeItem(REFRESH_KEY);
  }

  /** Called when the refresh token is rejected and the user has to sign in again. */
  onSessionLost(listener: () => void): () => void {
    this.sessionLostListeners.add(listener);
    return () => {
      this.sessionLostListeners.delete(listener);
    };
  }

  get<P extends PathsWithMethod<paths, 'get'>>(
    path: P,
    init?: CallInit<'get', P>,
  ): Promise<ResultOf<'get', P>> {
    return this.request('get', path, init).then((page) => page.items as ResultOf<'get', P>);
  }

  /** GET a list route, keeping `meta.pagination`. */
  getPage<P extends PathsWithMethod<paths, 'get'>>(
    path: P,
    init?: CallInit<'get', P>,
  ): Promise<Page<ResultOf<'get', P>>> {
    return this.request('get', path, init) as Promise<Page<ResultOf<'get', P>>>;
  }

  post<P extends PathsWithMethod<paths, 'post'>>(
    path: P,
    init?: CallInit<'post', P>,
  ): Promise<ResultOf<'post', P>> {
    return this.request('post', path, init).then((page) => page.items as ResultOf<'post', P>);
  }

  patch<P extends PathsWithMethod<paths, 'patch'>>(
    path: P,
    init?: CallInit<'patch', P>,
  ): Promise<ResultOf<'patch', P>> {
    return this.request('patch', path, init).then((page) => page.items as ResultOf<'patch', P>);
  }

  delete<P extends PathsWithMethod<paths, 'delete'>>(
    path: P,
    init?: CallInit<'delete', P>,
  ): Promise<ResultOf<'delete', P>> {
    return this.request('delete', path, init).then((page) => page.items as ResultOf<'delete', P>);
  }

  private async request(
    method: HttpMethod,
    path: string,
    init: (RequestOptions & { signal?: AbortSignal | null }) | undefined,
  ): Promise<Page<unknown>> {
    const auth = init?.auth ?? true;
    const tokenUsed = auth ? this.storage.getItem(ACCESS_KEY) : null;
    const answer = await this.send(method, path, init, tokenUsed);

    if (answer.response.status === 401 && auth && this.storage.getItem(REFRESH_KEY) !== null) {
      // Another request may already have rotated the tokens while this one was in flight; then the
      // new access token is simply retried instead of spending the refresh token a second time.
      const current = this.storage.getItem(ACCESS_KEY);
      const renewed = current !== null && current !== tokenUsed ? true : await this.refreshOnce();
      if (renewed) {
        return this.unwrap(await this.send(method, path, init, this.storage.getItem(ACCESS_KEY)));
      }
      this.clearSession();
      for (const listener of this.sessionLostListeners) listener();
    }
    return this.unwrap(answer);
  }

  /** One request through the generated client; the body, parsed or not, comes back with the response. */
  private async send(
    method: HttpMethod,
    path: string,
    init: (RequestOptions & { signal?: AbortSignal | null }) | undefined,
    token: string | null,
  ): Promise<{ response: Response; body: unknown }> {
    const { auth: _auth, ...fetchInit } = init ?? {};
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': this.getLanguage(),
    };
    if (token) headers.Authorization = `Bearer ${token}`;
    try {
      // `as never`: the typed methods above have checked `init` against the route already. The body
      // is read as text and parsed here, so a page that is not JSON still reports its HTTP status.
      const { response, data, error } = await this.client.request(
        method,
        path as never,
        {
          ...fetchInit,
          headers,
          parseAs: 'text',
        } as never,
      );
      const raw: unknown = response.ok ? data : error;
      return { response, body: typeof raw === 'string' ? parseJson(raw) : raw };
    } catch (error) {
      if (init?.signal?.aborted) throw error;
      throw new ApiError({ code: 'NETWORK_ERROR', message: (error as Error).message || 'Network error' });
    }
  }

  private unwrap({ response, body }: { response: Response; body: unknown }): Page<unknown> {
    if (response.status === 204) return { items: undefined, pagination: null };
    const envelope = body && typeof body === 'object' ? (body as Envelope) : null;
    if (!envelope || typeof envelope.ok !== 'boolean') {
      throw new ApiError({
        code: 'BAD_RESPONSE',
        http_code: response.status,
        message: `Unexpected response from the server (HTTP ${response.status})`,
      });
    }
    const requestId = envelope.meta?.request_id ?? null;
    if (!envelope.ok || !response.ok) {
      const error = envelope.error ?? {
        code: 'UNKNOWN_ERROR',
        http_code: response.status,
        message: `HTTP ${response.status}`,
        details: null,
        fields: null,
      };
      throw new ApiError(error, requestId);
    }
    return { items: envelope.result, pagination: envelope.meta?.pagination ?? null };
  }

  /** One refresh at a time: rotation makes a refresh token single-use. */
  private refreshOnce(): Promise<boolean> {
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refresh(): Promise<boolean> {
    const refreshToken = this.storage.getItem(REFRESH_KEY);
    if (!refreshToken) return false;
    try {
      const result = await this.post('/auth/refresh', { body: { refresh_token: refreshToken }, auth: false });
      this.setSession(result);
      return true;
    } catch (error) {
      // A network failure is not a verdict on the session: keep the tokens for the next attempt.
      if (isApiError(error) && error.httpCode === 0) throw error;
      return false;
    }
  }
}
