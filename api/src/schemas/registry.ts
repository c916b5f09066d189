import { type Static, type TSchema, Type } from '@sinclair/typebox';

/**
 * A reference to a schema registered under its `$id` (see `./index.ts`), typed as that schema: the
 * OpenAPI document then names it once in components.schemas instead of inlining it at every use.
 */
export function ref<T extends TSchema>(schema: T) {
  if (!schema.$id) throw new Error('ref() needs a schema with an $id');
  return Type.Unsafe<Static<T>>(Type.Ref(schema.$id));
}

/** A string enum as plain JSON Schema (`enum`), typed as the union of its values. */
export const StringEnum = <const T extends readonly string[]>(
  values: T,
  opts: { description?: string; $id?: string } = {},
) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...opts });

/**
 * `T | null` for a string enum. OpenAPI 3.0 reads `nullable` as allowing null only where `enum`
 * lists it too, so null is in the enum (a plain Nullable(StringEnum) rejects null there).
 */
export const NullableStringEnum = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number] | null>({ type: 'string', enum: [...values, null], nullable: true });

export const DateTime = Type.String({ format: 'date-time' });
