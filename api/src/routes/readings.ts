import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Core } from '@mechta/core';
import { Type } from '@sinclair/typebox';
import { userId } from '../plugins/auth.ts';
import { errorResponses, Fail, Ok, ok } from '../plugins/envelope.ts';
import { DreamIdParams } from '../schemas/dreams.ts';
import { NewReadingBody, ReadingParams, ReadingSchema, ReadingVerdictBody } from '../schemas/readings.ts';
import { ref } from '../schemas/registry.ts';

const Reading = ref(ReadingSchema);
const readingErrors = { ...errorResponses, 402: Fail, 403: Fail, 409: Fail };

/** Lens readings of the user's own dreams: asked for (priced once per lens), listed, marked. */
export const readingsRoutes: FastifyPluginAsyncTypebox<{ core: Core }> = async (app, { core }) => {
  app.addHook('onRequest', app.requireUser);
  const tags = ['readings'];

  app.post(
    '/dreams/:id/readings',
    {
      schema: {
        tags,
        summary: 'A reading of the dream through one lens: charged once, the stored one returned after',
        params: DreamIdParams,
        body: NewReadingBody,
        response: { 200: Ok(Reading), 201: Ok(Reading), ...readingErrors },
      },
    },
    async (req, reply) => {
      const { reading, charged } = await core.readings.read(userId(req), req.params.id, req.body.lens);
      // 201 when this request wrote (and paid for) it, 200 when the stored reading came back.
      reply.code(charged > 0 ? 201 : 200);
      return ok(req, reading);
    },
  );

  app.get(
    '/dreams/:id/readings',
    {
      schema: {
        tags,
        summary: 'The dream’s readings, oldest first',
        params: DreamIdParams,
        response: { 200: Ok(Type.Array(Reading)), ...readingErrors },
      },
    },
    async (req) => ok(req, await core.readings.list(userId(req), req.params.id)),
  );

  app.patch(
    '/dreams/:id/readings/:reading_id',
    {
      schema: {
        tags,
        summary:
          'Mark a reading as fitting or not (null clears the mark); later readings take it into account',
        params: ReadingParams,
        body: ReadingVerdictBody,
        response: { 200: Ok(Reading), ...readingErrors },
      },
    },
    async (req) =>
      ok(
        req,
        await core.readings.setVerdict(userId(req), req.params.id, req.params.reading_id, req.body.verdict),
      ),
  );
};
