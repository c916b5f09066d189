import {
  AppError,
  type Core,
  type ErrorCode,
  isDependencyUnavailable,
  type Language,
  languageFromTelegram,
} from '@mechta/core';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
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
};

function statusCode(code: ErrorCode, fallback: number): number {
  return new AppError(code).httpStatus ?? fallback;
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
