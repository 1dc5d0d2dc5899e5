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
