/**
 * The one error type the domain throws. Each code maps once to an HTTP status (api) and once to a
 * localised chat message (the `error-<code>` keys in the locales).
 */
export const ERROR_HTTP_STATUS = {
  VALIDATION_FAILED: 422,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  INIT_DATA_INVALID: 401,
  INIT_DATA_EXPIRED: 401,
  TOKEN_EXPIRED: 401,
  FORBIDDEN: 403,
  USER_BLOCKED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  DAILY_LIMIT_REACHED: 429,
  QUOTA_EXCEEDED: 429,
  INSUFFICIENT_TOKENS: 402,
  AI_UNAVAILABLE: 503,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_HTTP_STATUS;

export interface AppErrorOptions {
  /** Per-field messages for VALIDATION_FAILED, keyed by the input field name. */
  fields?: Record<string, string>;
  details?: Record<string, unknown>;
  /** Arguments for the localised message (`error-<code>` in the locales). */
  args?: Record<string, string | number>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly details?: Record<string, unknown>;
  readonly args?: Record<string, string | number>;

  constructor(code: ErrorCode, message?: string, opts: AppErrorOptions = {}) {
    super(message ?? code, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = opts.fields;
    this.details = opts.details;
    this.args = opts.args;
  }

  get httpStatus(): number {
    return ERROR_HTTP_STATUS[this.code];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
