import { type Static, type TSchema, Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The one response envelope of /api/v1 (CONTRACT.md): handlers return the bare result; this plugin
 * wraps it, and the error handler builds the failure form.
 */
export interface Pagination {
  page: number;
  page_size: number;
  total: number;
  total_pages: number;
  has_next: boolean;
  has_prev: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    pagination?: Pagination;
  }
}

export const PaginationSchema = Type.Object({
  page: Type.Integer(),
  page_size: Type.Integer(),
  total: Type.Integer(),
  total_pages: Type.Integer(),
  has_next: Type.Boolean(),
  has_prev: Type.Boolean(),
});

/** Named (`$id`) so the OpenAPI document lists it once under components.schemas. */
export const MetaSchema = Type.Object(
  {
    request_id: Type.String(),
    timestamp: Type.String(),
    pagination: Type.Optional(Type.Union([PaginationSchema, Type.Null()])),
  },
  { $id: 'Meta' },
);
const Meta = Type.Unsafe<Static<typeof MetaSchema>>(Type.Ref('Meta'));

export const ErrorBody = Type.Object({
  code: Type.String(),
  http_code: Type.Integer(),
  message: Type.String(),
  details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  fields: Type.Union([Type.Record(Type.String(), Type.String()), Type.Null()]),
});

/** `T | null` in a response or body schema. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** Schema of a successful envelope around `result`. */
export const Ok = <T extends TSchema>(result: T) =>
  Type.Object({ ok: Type.Literal(true), result, error: Type.Null(), meta: Meta });

/** The failure envelope, registered under its `$id`; routes use {@link Fail}, the reference to it. */
export const FailureSchema = Type.Object(
  { ok: Type.Literal(false), result: Type.Null(), error: ErrorBody, meta: Meta },
  { $id: 'Failure' },
);
export const Fail = Type.Unsafe<Static<typeof FailureSchema>>(Type.Ref('Failure'));

/** Standard error responses, for the OpenAPI document of every route. */
export const errorResponses = {
  400: Fail,
  401: Fail,
  404: Fail,
  422: Fail,
  429: Fail,
  500: Fail,
};

/** Deep enough for any list we hold, and small enough that its offset always fits a bigint. */
export const MAX_PAGE = 1_000_000;

export const PageQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1 })),
  page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});

/** A numeric id (a Telegram user id, a bigserial row id): positive and exact in a JS number. */
export const NumericId = (opts: { description?: string } = {}) =>
  Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, ...opts });

export function paginate(req: FastifyRequest, page: number, pageSize: number, total: number): void {
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  req.pagination = {
    page,
    page_size: pageSize,
    total,
    total_pages: totalPages,
    has_next: page < totalPages,
    has_prev: page > 1,
  };
}

export function meta(req: FastifyRequest) {
  return {
    request_id: String(req.id),
    timestamp: new Date().toISOString(),
    pagination: req.pagination ?? null,
  };
}

/** The success envelope around a handler's result (with the request's pagination, if any). */
export function ok<T>(req: FastifyRequest, result: T) {
  return { ok: true as const, result, error: null, meta: meta(req) };
}

const OK_HEAD = Buffer.from('{"ok":true,"result":');

/**
 * The success envelope around a result that is already UTF-8 JSON (written out as is: neither
 * parsed, serialised nor re-encoded).
 */
export function okJson(req: FastifyRequest, resultJson: Buffer): Buffer {
  const tail = Buffer.from(`,"error":null,"meta":${JSON.stringify(meta(req))}}`);
  return Buffer.concat([OK_HEAD, resultJson, tail], OK_HEAD.length + resultJson.length + tail.length);
}

export function failure(
  req: FastifyRequest,
  status: number,
  code: string,
  message: string,
  extra: { details?: Record<string, unknown> | null; fields?: Record<string, string> | null } = {},
) {
  return {
    ok: false as const,
    result: null,
    error: { code, http_code: status, message, details: extra.details ?? null, fields: extra.fields ?? null },
    meta: meta(req),
  };
}

export const envelopePlugin = fp(async (app: FastifyInstance) => {
  app.addHook(
    'preSerialization',
    (req: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: null, p: unknown) => void) => {
      if (
        !req.url.startsWith('/api/') ||
        (payload && typeof payload === 'object' && 'ok' in payload && 'meta' in payload) ||
        reply.statusCode >= 400
      )
        return done(null, payload);
      done(null, { ok: true, result: payload ?? null, error: null, meta: meta(req) });
    },
  );
});
