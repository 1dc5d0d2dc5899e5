import { z } from 'zod';
import { IsoDateSchema, endNotBeforeStart } from './common/dates.js';
import { RecordMetaShape, VersionSchema, pageOf, patchShape } from './common/paging.js';
import { CountryCodeSchema } from './organizations.js';

/**
 * Passports of people in the directory (service, diplomatic, ordinary), for official trips.
 * Sensitive personal data: only roles with `passports.read` see them at all.
 */
export const PASSPORT_KINDS = ['service', 'diplomatic', 'ordinary'] as const;
export const PassportKindSchema = z.enum(PASSPORT_KINDS);

const passportFields = {
  number: z.string().trim().min(1).max(30),
  kind: PassportKindSchema,
  issuingCountry: CountryCodeSchema,
  issuedOn: IsoDateSchema.nullable().optional(),
  expiresOn: IsoDateSchema,
  notes: z.string().max(2000).default(''),
};

export const PassportCreateSchema = z
  .object({ personId: z.uuid(), ...passportFields })
  .superRefine(endNotBeforeStart('issuedOn', 'expiresOn'))
  .meta({ id: 'PassportCreate' });
export type PassportCreate = z.input<typeof PassportCreateSchema>;
export const PassportValuesSchema = z.object(passportFields).superRefine(endNotBeforeStart('issuedOn', 'expiresOn'));
export const PassportUpdateSchema = z.object({ version: VersionSchema, ...patchShape(passportFields) }).meta({ id: 'PassportUpdate' });
export type PassportUpdate = z.input<typeof PassportUpdateSchema>;

export const PassportSchema = z
  .object({
    ...RecordMetaShape,
    person: z.object({ id: z.uuid(), name: z.string() }),
    number: z.string(),
    kind: PassportKindSchema,
    issuingCountry: z.string(),
    issuedOn: z.string().nullable(),
    expiresOn: z.string(),
    notes: z.string(),
    expired: z.boolean().describe("Expired before today (the office's time zone)"),
  })
  .meta({ id: 'Passport' });
export type Passport = z.infer<typeof PassportSchema>;

export const PassportListQuerySchema = z.object({
  personId: z.uuid().optional(),
  expiringBefore: IsoDateSchema.optional().describe('Only passports that expire before this date'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PassportListQuery = z.input<typeof PassportListQuerySchema>;
export const PassportPageSchema = pageOf(PassportSchema);
