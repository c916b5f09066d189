import { READING_LENSES } from '@mechta/core/ai/types';
import { Type } from '@sinclair/typebox';
import { DateTime, NullableStringEnum, StringEnum } from './registry.ts';

/** The shapes of the readings routes (api/src/routes/readings.ts). */

export const ReadingSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    lens: StringEnum(READING_LENSES),
    text: Type.String(),
    offline: Type.Boolean({ description: 'True when the offline reader wrote it from the lexicon' }),
    created_at: DateTime,
    verdict: NullableStringEnum(['fits', 'does_not_fit']),
  },
  { $id: 'Reading', additionalProperties: false },
);

export const NewReadingBody = Type.Object(
  { lens: StringEnum(READING_LENSES) },
  { additionalProperties: false },
);

export const ReadingVerdictBody = Type.Object(
  { verdict: NullableStringEnum(['fits', 'does_not_fit']) },
  { additionalProperties: false },
);

export const ReadingParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  reading_id: Type.String({ maxLength: 64 }),
});
