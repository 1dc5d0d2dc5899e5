import { z } from 'zod';
import { LanguageCodeSchema } from './common/languages.js';
import { MultilingualTextSchema } from './common/multilingual.js';
import { RecordMetaShape, UserRefSchema, VersionSchema, pageOf, patchShape, pageQuery } from './common/paging.js';

export const ORGANIZATION_KINDS = [
  'partner_city',
  'embassy',
  'consulate',
  'ministry',
  'international_organization',
  'network',
  'donor',
  'ngo',
  'media',
  'company',
  'cultural_institution',
  'other',
] as const;
export const OrganizationKindSchema = z.enum(ORGANIZATION_KINDS).describe('Kind of organisation');
export type OrganizationKind = z.infer<typeof OrganizationKindSchema>;

export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'country_code')
  .describe('ISO 3166-1 alpha-2 country code, e.g. BG, GE');

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const AddressSchema = z.object({
  label: z.string().trim().max(100).default(''),
  street: z.string().trim().max(300).default(''),
  city: z.string().trim().max(120).default(''),
  postcode: z.string().trim().max(20).default(''),
  country: CountryCodeSchema.nullable().default(null),
});
export type Address = z.infer<typeof AddressSchema>;

export const TagsSchema = z.array(z.string().trim().min(1).max(50)).max(30).default([]);

const organizationFields = {
  kind: OrganizationKindSchema,
  name: MultilingualTextSchema,
  shortName: optionalText(60),
  country: CountryCodeSchema.nullable().optional(),
  city: optionalText(120),
  languages: z.array(LanguageCodeSchema).max(20).default([]),
  website: z.url({ protocol: /^https?$/ }).max(300).nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  phone: optionalText(50),
  addresses: z.array(AddressSchema).max(10).default([]),
  tags: TagsSchema,
  notes: z.string().max(10000).default(''),
  confidential: z.boolean().default(false).describe('Only the owner, heads of department and administrators see it'),
};

export const OrganizationCreateSchema = z.object(organizationFields).meta({ id: 'OrganizationCreate' });
export type OrganizationCreate = z.input<typeof OrganizationCreateSchema>;

export const OrganizationUpdateSchema = z
  .object({ version: VersionSchema, ...patchShape(organizationFields) })
  .meta({ id: 'OrganizationUpdate' });
export type OrganizationUpdate = z.input<typeof OrganizationUpdateSchema>;

export const AbilitiesSchema = z.object({ update: z.boolean(), delete: z.boolean() }).meta({ id: 'Abilities' });

export const OrganizationSchema = z
  .object({
    ...RecordMetaShape,
    kind: OrganizationKindSchema,
    name: MultilingualTextSchema,
    shortName: z.string().nullable(),
    country: z.string().nullable(),
    city: z.string().nullable(),
    languages: z.array(z.string()),
    website: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    addresses: z.array(AddressSchema),
    tags: z.array(z.string()),
    notes: z.string(),
    confidential: z.boolean(),
    owner: UserRefSchema,
    peopleCount: z.number().int(),
    abilities: AbilitiesSchema,
  })
  .meta({ id: 'Organization' });
export type Organization = z.infer<typeof OrganizationSchema>;

export const ORGANIZATION_SORTS = ['name', 'kind', 'country', 'city', 'updatedAt'] as const;
export const OrganizationListQuerySchema = pageQuery(ORGANIZATION_SORTS).extend({
  kind: OrganizationKindSchema.optional(),
  country: CountryCodeSchema.optional(),
  tag: z.string().trim().max(50).optional(),
});
export type OrganizationListQuery = z.input<typeof OrganizationListQuerySchema>;
export const OrganizationPageSchema = pageOf(OrganizationSchema);

export const SimilarRecordSchema = z
  .object({ id: z.uuid(), label: z.string(), similarity: z.number() })
  .meta({ id: 'SimilarRecord' });
export const SimilarQuerySchema = z.object({
  name: z.string().trim().min(1).max(500),
  excludeId: z.uuid().optional(),
});

export const MergeBodySchema = z
  .object({
    otherId: z.uuid().describe('The record merged into this one and then deleted'),
    version: VersionSchema.describe('Version of the record that is kept'),
    otherVersion: VersionSchema.describe('Version of the record that is merged away'),
  })
  .meta({ id: 'MergeBody' });

export const ExportQuerySchema = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });
