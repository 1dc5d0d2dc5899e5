import { z } from 'zod';
import { RecordMetaShape, UserRefSchema, VersionSchema, pageOf, patchShape } from './common/paging.js';

export const INTERACTION_KINDS = ['meeting', 'letter', 'email', 'call', 'visit'] as const;
export const InteractionKindSchema = z.enum(INTERACTION_KINDS);

const interactionFields = {
  kind: InteractionKindSchema,
  occurredAt: z.iso.datetime({ offset: true }).describe('When it happened (ISO 8601)'),
  subject: z.string().trim().min(1).max(300),
  notes: z.string().max(10000).default(''),
  organizationId: z.uuid().nullable().optional(),
  personId: z.uuid().nullable().optional(),
};

export const InteractionCreateSchema = z
  .object(interactionFields)
  .refine((v) => v.organizationId || v.personId, { path: ['organizationId'], message: 'required' })
  .meta({ id: 'InteractionCreate' });
export type InteractionCreate = z.input<typeof InteractionCreateSchema>;

export const InteractionUpdateSchema = z
  .object({ version: VersionSchema, ...patchShape(interactionFields) })
  .meta({ id: 'InteractionUpdate' });

export const InteractionSchema = z
  .object({
    ...RecordMetaShape,
    kind: InteractionKindSchema,
    occurredAt: z.iso.datetime(),
    subject: z.string(),
    notes: z.string(),
    organization: z.object({ id: z.uuid(), label: z.string() }).nullable(),
    person: z.object({ id: z.uuid(), label: z.string() }).nullable(),
    createdBy: UserRefSchema,
  })
  .meta({ id: 'Interaction' });
export type Interaction = z.infer<typeof InteractionSchema>;

export const InteractionListQuerySchema = z.object({
  organizationId: z.uuid().optional(),
  personId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const InteractionPageSchema = pageOf(InteractionSchema);
