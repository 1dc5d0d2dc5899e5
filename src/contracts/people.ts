import { z } from 'zod';
import { LanguageCodeSchema } from './common/languages.js';
import { OptionalMultilingualTextSchema } from './common/multilingual.js';
import { RecordMetaShape, UserRefSchema, VersionSchema, pageOf, patchShape, pageQuery } from './common/paging.js';
import { AbilitiesSchema, TagsSchema } from './organizations.js';

export const PRECEDENCE_CATEGORIES = [
  'head_of_state',
  'head_of_government',
  'minister',
  'ambassador',
  'head_of_international_organization',
  'member_of_parliament',
  'deputy_minister',
  'mayor',
  'deputy_mayor',
  'council_chair',
  'consul',
  'chargé_d_affaires',
  'official',
  'business',
  'culture',
  'media',
  'other',
] as const;
export const PrecedenceCategorySchema = z.enum(PRECEDENCE_CATEGORIES).describe('Precedence category for protocol ordering');

/** GDPR Article 6 lawful bases for keeping a person's data. */
export const LAWFUL_BASES = ['consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests'] as const;
export const LawfulBasisSchema = z.enum(LAWFUL_BASES).describe('Lawful basis for processing (GDPR Art. 6)');

export const PhoneSchema = z.object({
  label: z.string().trim().max(50).default(''),
  number: z.string().trim().min(3).max(50).regex(/^[+0-9 ()./-]+$/, 'phone'),
});

export const AccompanyingPersonSchema = z.object({
  name: z.string().trim().min(1).max(200),
  relation: z.string().trim().max(100).default(''),
  notes: z.string().trim().max(500).default(''),
});

const personFields = {
  name: z.string().trim().min(1).max(200).describe('Full name in the original script'),
  nameLatin: z.string().trim().max(200).default('').describe('Full name in Latin letters (proposed by transliteration, editable)'),
  formOfAddress: z.record(LanguageCodeSchema, z.string().trim().max(120)).default({}).describe('Form of address per language'),
  title: OptionalMultilingualTextSchema.optional(),
  position: OptionalMultilingualTextSchema.optional(),
  organizationId: z.uuid().nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  phones: z.array(PhoneSchema).max(10).default([]),
  languages: z.array(LanguageCodeSchema).max(20).default([]),
  precedenceCategory: PrecedenceCategorySchema.nullable().optional(),
  accompanyingPersons: z.array(AccompanyingPersonSchema).max(20).default([]),
  lawfulBasis: LawfulBasisSchema.default('public_task'),
  tags: TagsSchema,
  notes: z.string().max(10000).default(''),
  confidential: z.boolean().default(false),
};

export const PersonCreateSchema = z.object(personFields).meta({ id: 'PersonCreate' });
export type PersonCreate = z.input<typeof PersonCreateSchema>;
export const PersonUpdateSchema = z
  .object({ version: VersionSchema, ...patchShape(personFields) })
  .meta({ id: 'PersonUpdate' });
export type PersonUpdate = z.input<typeof PersonUpdateSchema>;

const ml = z.object({ original: z.string(), values: z.record(z.string(), z.string()) }).nullable();

export const PersonSchema = z
  .object({
    ...RecordMetaShape,
    name: z.string(),
    nameLatin: z.string(),
    formOfAddress: z.record(z.string(), z.string()),
    title: ml,
    position: ml,
    organization: z.object({ id: z.uuid(), name: ml }).nullable(),
    email: z.string().nullable(),
    phones: z.array(z.object({ label: z.string(), number: z.string() })),
    languages: z.array(z.string()),
    precedenceCategory: PrecedenceCategorySchema.nullable(),
    accompanyingPersons: z.array(z.object({ name: z.string(), relation: z.string(), notes: z.string() })),
    lawfulBasis: LawfulBasisSchema,
    tags: z.array(z.string()),
    notes: z.string(),
    confidential: z.boolean(),
    owner: UserRefSchema,
    abilities: AbilitiesSchema,
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof PersonSchema>;

export const PERSON_SORTS = ['name', 'nameLatin', 'organization', 'updatedAt'] as const;
export const PersonListQuerySchema = pageQuery(PERSON_SORTS).extend({
  organizationId: z.uuid().optional(),
  precedenceCategory: PrecedenceCategorySchema.optional(),
  tag: z.string().trim().max(50).optional(),
});
export type PersonListQuery = z.input<typeof PersonListQuerySchema>;
export const PersonPageSchema = pageOf(PersonSchema);
