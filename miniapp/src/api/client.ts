import type { AuthResult, Envelope, EnvelopeError, Pagination } from './types.ts';

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

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface RequestOptions {
  /** Send the bearer token and recover from a 401 by refreshing; off for the sign-in calls. */
  auth?: boolean;
  signal?: AbortSignal;
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
  private refreshing: Promise<boolean> | null = null;
  private readonly sessionLostListeners = new Set<() => void>();

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '/api/v1';
    this.storage = options.storage ?? window.sessionStorage;
    // Bound so a bare `fetch` reference does not lose its `window` receiver.
    this.fetchImpl = options.fetch ?? window.fetch.bind(window);
    this.getLanguage = options.getLanguage ?? (() => navigator.language);
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

  get<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('GET', path, undefined, options).then((page) => page.items);
  }

  /** GET a list route, keeping `meta.pagination`. */
  getPage<T>(path: string, options?: RequestOptions): Promise<Page<T>> {
    return this.request<T>('GET', path, undefined, options);
  }

  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('POST', path, body, options).then((page) => page.items);
  }

  patch<T>(path: string, body: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('PATCH', path, body, options).then((page) => page.items);
  }

  delete<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('DELETE', path, undefined, options).then((page) => page.items);
  }

  private async request<T>(
    method: Method,
    path: string,
    body: unknown,
    options: RequestOptions = {},
  ): Promise<Page<T>> {
    const auth = options.auth ?? true;
    const tokenUsed = auth ? this.storage.getItem(ACCESS_KEY) : null;
    const response = await this.send(method, path, body, tokenUsed, options.signal);

    if (response.status === 401 && auth && this.storage.getItem(REFRESH_KEY) !== null) {
      // Another request may already have rotated the tokens while this one was in flight; then the
      // new access token is simply retried instead of spending the refresh token a second time.
      const current = this.storage.getItem(ACCESS_KEY);
      const renewed = current !== null && current !== tokenUsed ? true : await this.refreshOnce();
      if (renewed) {
        const retry = await this.send(method, path, body, this.storage.getItem(ACCESS_KEY), options.signal);
        return this.unwrap<T>(retry);
      }
      this.clearSession();
      for (const listener of this.sessionLostListeners) listener();
    }
    return this.unwrap<T>(response);
  }

  private async send(
    method: Method,
    path: string,
    body: unknown,
    token: string | null,
    signal: AbortSignal | undefined,
  ): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': this.getLanguage(),
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    try {
      return await this.fetchImpl(this.baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError({ code: 'NETWORK_ERROR', message: (error as Error).message || 'Network error' });
    }
  }

  private async unwrap<T>(response: Response): Promise<Page<T>> {
    if (response.status === 204) return { items: undefined as T, pagination: null };
    let envelope: Envelope<T> | null = null;
    try {
      envelope = (await response.json()) as Envelope<T>;
    } catch {
      envelope = null;
    }
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
    return { items: envelope.result as T, pagination: envelope.meta?.pagination ?? null };
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
      const result = await this.post<Pick<AuthResult, 'access_token' | 'refresh_token'>>(
        '/auth/refresh',
        { refresh_token: refreshToken },
        { auth: false },
      );
      this.setSession(result);
      return true;
    } catch (error) {
      // A network failure is not a verdict on the session: keep the tokens for the next attempt.
      if (isApiError(error) && error.httpCode === 0) throw error;
      return false;
    }
  }
}
