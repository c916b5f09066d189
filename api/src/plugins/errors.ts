import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { Socket } from 'node:net';
import {
  AppError,
  type Core,
  type ErrorCode,
  isDependencyUnavailable,
  type Language,
  languageFromTelegram,
} from '@mechta/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { failure } from './envelope.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The language of error messages: the signed-in user's, else Accept-Language. */
    language: Language;
  }
}

/** Fastify's own error codes mapped onto ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  // A path that does not decode (`/%zz`) or a path parameter longer than any id we issue.
  FST_ERR_BAD_URL: 'BAD_REQUEST',
  FST_ERR_MAX_PARAM_LENGTH: 'NOT_FOUND',
};

/**
 * PostgreSQL "data exception" errors (SQLSTATE class 22: a value out of range, a malformed number
 * or date, a NUL byte in text). Only input can cause them, so they answer 422 like a schema
 * failure, whichever route let the value through; the log still names the route that should have
 * refused it earlier.
 */
const isDataException = (err: { code?: unknown }) =>
  typeof err.code === 'string' && /^22[0-9A-Z]{3}$/.test(err.code);

/**
 * Fastify's `frameworkErrors` option: errors raised before routing (an undecodable path, an
 * over-long parameter) in the envelope instead of Fastify's own JSON.
 */
export function frameworkErrors(core: Core) {
  return (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const code = FASTIFY_CODES[err.code] ?? 'BAD_REQUEST';
    const status = statusCode(code, 400);
    const language = languageFromTelegram(req.headers['accept-language']?.split(',')[0]);
    // The onRequest hooks never ran: the headers every JSON answer carries are set here.
    reply
      .status(status)
      .headers({
        'x-request-id': req.id,
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
        'x-content-type-options': 'nosniff',
      })
      .send(failure(req, status, code, core.translator.t(language, `error-${code}`, { reason: '' })));
  };
}

function statusCode(code: ErrorCode, fallback: number): number {
  return new AppError(code).httpStatus ?? fallback;
}

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser refuses (a NUL or newline in a
 * header, a broken request line) never reaches Fastify, so the envelope is written on the socket.
 */
export function clientErrorHandler(core: Core) {
  return (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
    const status =
      err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const body = JSON.stringify({
      ok: false,
      result: null,
      error: {
        code: 'BAD_REQUEST',
        http_code: status,
        message: core.translator.t('en', 'error-BAD_REQUEST', { reason: '' }),
        details: null,
        fields: null,
      },
      meta: { request_id: randomUUID(), timestamp: new Date().toISOString(), pagination: null },
    });
    socket.end(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  };
}

/**
 * Maps every error to the envelope once: domain errors by code, validation errors with per-field
 * messages, everything unexpected as INTERNAL with the message hidden (it is logged instead).
 */
export const errorsPlugin = fp(async (app: FastifyInstance, opts: { core: Core }) => {
  const { translator } = opts.core;
  app.decorateRequest('language', 'en');
  app.addHook('onRequest', (req, _reply, done) => {
    req.language = languageFromTelegram(req.headers['accept-language']?.split(',')[0]);
    done();
  });

  const localise = (req: FastifyRequest, code: string, args?: Record<string, string | number>) =>
    translator.t(req.language, `error-${code}`, { reason: '', ...args });

  const localiseFields = (req: FastifyRequest, fields?: Record<string, string>) =>
    fields
      ? Object.fromEntries(
          Object.entries(fields).map(([k, v]) => [
            k,
            translator.has(req.language, v) ? translator.t(req.language, v) : v,
          ]),
        )
      : null;

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      const fields = localiseFields(req, err.fields);
      const reason = fields
        ? Object.entries(fields)
            .map(([k, v]) => `${k}: ${v}`)
            .join('; ')
        : '';
      if (err.httpStatus >= 500) req.log.error({ err }, 'request failed');
      return reply.status(err.httpStatus).send(
        failure(req, err.httpStatus, err.code, localise(req, err.code, { reason, ...err.args }), {
          details: err.details,
          fields,
        }),
      );
    }
    if (err.validation) {
      const fields: Record<string, string> = {};
      for (const v of err.validation) {
        const path =
          (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') ||
          String(
            (v.params as { missingProperty?: string })?.missingProperty ?? err.validationContext ?? 'body',
          );
        fields[path] = v.message ?? 'invalid';
      }
      const reason = Object.entries(fields)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ');
      return reply.status(422).send(
        failure(req, 422, 'VALIDATION_FAILED', localise(req, 'VALIDATION_FAILED', { reason }), {
          fields,
          details: { in: err.validationContext ?? 'body' },
        }),
      );
    }
    if (isDataException(err)) {
      req.log.warn({ err }, 'input reached the database unchecked');
      return reply
        .status(422)
        .send(failure(req, 422, 'VALIDATION_FAILED', localise(req, 'VALIDATION_FAILED', { reason: '' })));
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    if (mapped || (status >= 400 && status < 500)) {
      const code: ErrorCode =
        mapped ?? (status === 404 ? 'NOT_FOUND' : status === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST');
      const s = mapped ? statusCode(mapped, status) : status;
      return reply.status(s).send(failure(req, s, code, localise(req, code, { reason: '' })));
    }
    if (isDependencyUnavailable(err)) {
      // The database (or another dependency) is restarting or unreachable: a retry may well succeed.
      req.log.warn({ err }, 'a dependency is unavailable');
      return reply
        .status(503)
        .header('retry-after', '5')
        .send(failure(req, 503, 'SERVICE_UNAVAILABLE', localise(req, 'SERVICE_UNAVAILABLE')));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(failure(req, 500, 'INTERNAL', localise(req, 'INTERNAL')));
  });

  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send(failure(req, 404, 'NOT_FOUND', localise(req, 'NOT_FOUND')));
  });
});
