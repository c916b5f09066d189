import { AppError } from '@mechta/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** Where a request carries text a client chose, in the order they are checked. */
const PARTS = ['params', 'query', 'headers', 'body'] as const;

/**
 * The first path (`text`, `tags.2`) in `value` whose key or string holds a NUL, or undefined.
 * Iterative, so a deeply nested body cannot overflow the stack.
 */
function nulPath(value: unknown): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\0')) return path;
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push([v[i], path ? `${path}.${i}` : String(i)]);
    } else if (v && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, item] of Object.entries(v)) {
        const p = path ? `${path}.${k}` : k;
        if (k.includes('\0')) return p;
        stack.push([item, p]);
      }
    }
  }
  return undefined;
}

/**
 * Refuses a NUL character anywhere in a request's text (path, query, headers, JSON body) before
 * any route sees it: PostgreSQL cannot store one in text, and no honest client sends one. One
 * hook, so every route registered after it is covered without a pattern on each string.
 */
export const inputPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (req: FastifyRequest) => {
    for (const part of PARTS) {
      const path = nulPath(req[part]);
      if (path === undefined) continue;
      throw new AppError('VALIDATION_FAILED', `NUL character in ${part}`, {
        fields: { [path || part]: 'validation-no-nul' },
        details: { in: part === 'params' ? 'params' : part === 'query' ? 'querystring' : part },
      });
    }
  });
});
