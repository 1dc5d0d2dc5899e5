import { z } from 'zod';

export const IMPORT_TARGETS = ['organizations', 'people'] as const;
export const ImportTargetSchema = z.enum(IMPORT_TARGETS);

/** Columns a spreadsheet can be mapped to, per target. */
export const IMPORT_FIELDS = {
  organizations: ['name', 'nameLanguage', 'nameEn', 'nameBg', 'nameKa', 'kind', 'shortName', 'country', 'city', 'languages', 'website', 'email', 'phone', 'tags', 'notes'],
  people: ['name', 'nameLatin', 'organization', 'titleEn', 'positionEn', 'email', 'phone', 'languages', 'precedenceCategory', 'lawfulBasis', 'tags', 'notes'],
} as const;

export const ImportUploadSchema = z
  .object({
    id: z.uuid().describe('Import id: use it to validate and commit'),
    target: ImportTargetSchema,
    fileName: z.string(),
    columns: z.array(z.string()),
    rowCount: z.number().int(),
    preview: z.array(z.array(z.string())).describe('The first rows, as text'),
    suggestedMapping: z.record(z.string(), z.string().nullable()).describe('Column → field'),
  })
  .meta({ id: 'ImportUpload' });
export type ImportUpload = z.infer<typeof ImportUploadSchema>;

export const ImportRunBodySchema = z.object({
  mapping: z.record(z.string().max(200), z.string().max(50).nullable()).describe('Column → field; null ignores the column'),
  dryRun: z.boolean().default(true),
});

export const ImportRowErrorSchema = z.object({
  row: z.number().int().describe('Row number in the file (header is row 1)'),
  fields: z.array(z.object({ field: z.string(), message: z.string() })),
});

export const ImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    total: z.number().int(),
    valid: z.number().int(),
    imported: z.number().int(),
    errors: z.array(ImportRowErrorSchema),
    duplicates: z.array(z.object({ row: z.number().int(), id: z.uuid(), label: z.string() })),
  })
  .meta({ id: 'ImportResult' });
export type ImportResult = z.infer<typeof ImportResultSchema>;
