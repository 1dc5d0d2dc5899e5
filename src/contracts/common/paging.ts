import { z } from 'zod';

export const IdSchema = z.uuid().describe('Record id (UUID)');
export const IdParamsSchema = z.object({ id: IdSchema });

export const SortOrderSchema = z.enum(['asc', 'desc']).default('asc');

export function pageQuery<S extends readonly [string, ...string[]]>(sortFields: S) {
  return z.object({
    page: z.coerce.number().int().min(1).max(100000).default(1).describe('Page number, from 1'),
    pageSize: z.coerce.number().int().min(1).max(200).default(25).describe('Rows per page'),
    sort: z.enum(sortFields).optional().describe('Field to sort by'),
    order: SortOrderSchema,
    q: z.string().trim().max(200).optional().describe('Text filter'),
  });
}

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** Who changed a record last: shown in lists, details and version conflicts. */
export const UserRefSchema = z
  .object({ id: z.uuid(), name: z.string() })
  .nullable()
  .meta({ id: 'UserRef' });
export type UserRef = z.infer<typeof UserRefSchema>;

/** Fields every stored record carries. */
export const RecordMetaShape = {
  id: IdSchema,
  version: z.number().int().describe('Increases by one on each change; send it back with an update'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  updatedBy: UserRefSchema,
};

export const VersionSchema = z.number().int().min(1).describe('The version you last saw (optimistic concurrency)');

export const DeleteBodySchema = z.object({ version: VersionSchema });

type WithoutDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;

/**
 * The fields of a create schema for a PATCH body: each optional and without its default.
 * zod 4 applies a default even inside .partial(), so a change that did not mention `tags`,
 * `notes` or `confidential` would reset them; a field that is not sent must stay as it is.
 */
export function patchShape<S extends z.ZodRawShape>(shape: S): { [K in keyof S]: z.ZodOptional<WithoutDefault<S[K]>> } {
  const out: Record<string, z.ZodType> = {};
  for (const [key, schema] of Object.entries(shape)) {
    let field = schema as z.ZodType;
    if (schema instanceof z.ZodDefault) {
      const inner = schema.unwrap() as z.ZodType;
      field = schema.description ? inner.describe(schema.description) : inner;
    }
    out[key] = field.optional();
  }
  return out as { [K in keyof S]: z.ZodOptional<WithoutDefault<S[K]>> };
}
