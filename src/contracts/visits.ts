import { z } from 'zod';
import { IsoDateSchema, LocalDateTimeSchema, LocalTimeSchema, TimeZoneSchema, endNotBeforeStart } from './common/dates.js';
import { LanguageCodeSchema } from './common/languages.js';
import { MultilingualTextSchema, OptionalMultilingualTextSchema } from './common/multilingual.js';
import { RecordMetaShape, UserRefSchema, VersionSchema, pageOf, pageQuery, patchShape } from './common/paging.js';
import { CalendarConflictSchema } from './calendar.js';
import { AbilitiesSchema, CountryCodeSchema } from './organizations.js';
import { PhoneSchema } from './people.js';
import {
  AccommodationSchema,
  BudgetLineSchema,
  BudgetTotalSchema,
  GiftSchema,
  TaskSchema,
  TicketSchema,
  TransportSchema,
} from './visits.logistics.js';

/**
 * Incoming visits (a delegation comes to the municipality) and outgoing official trips (the
 * mayor or officials go abroad) are one record, told apart by `direction`: both have
 * participants, a programme, accommodation, transport, tasks, gifts, tickets and a budget.
 * The logistics records (accommodation, transport, tasks, gifts, tickets, budget lines) are in
 * visits.logistics.ts.
 */
export const VISIT_DIRECTIONS = ['incoming', 'outgoing'] as const;
export const VisitDirectionSchema = z.enum(VISIT_DIRECTIONS).describe('incoming: a delegation visits us; outgoing: an official trip abroad');
export type VisitDirection = z.infer<typeof VisitDirectionSchema>;

export const VISIT_STATUSES = ['proposed', 'confirmed', 'in_progress', 'done', 'cancelled'] as const;
export const VisitStatusSchema = z.enum(VISIT_STATUSES);

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const text = (max: number) => z.string().trim().max(max).default('');

const visitFields = {
  direction: VisitDirectionSchema,
  status: VisitStatusSchema.default('proposed'),
  title: MultilingualTextSchema,
  purpose: OptionalMultilingualTextSchema.optional(),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  timeZone: TimeZoneSchema.nullable()
    .optional()
    .describe("Where the programme's times are: the office's zone for incoming visits, the destination's for trips (filled in when left out and the country has one zone)"),
  organizationId: z.uuid().nullable().optional().describe('Sending organisation (incoming) or host organisation (outgoing), from the directory'),
  country: CountryCodeSchema.nullable().optional().describe('Sending country (incoming) or destination country (outgoing)'),
  city: optionalText(120).describe('Sending city (incoming) or destination city (outgoing)'),
  guestLanguages: z.array(LanguageCodeSchema).max(10).default([]).describe("The guests' languages (incoming) or the hosts' (outgoing)"),
  responsibleId: z.uuid().nullable().optional().describe('The specialist responsible (a user)'),
  contactPhone: PhoneSchema.shape.number.nullable().optional().describe('Phone the guests call: shown on the shared programme'),
  notes: z.string().max(10000).default(''),
  report: z.string().max(50000).default('').describe('Report after the visit or trip'),
  reportSubmitted: z.boolean().default(false).describe('Set when the report is handed in (the time is kept as reportSubmittedAt)'),
  confidential: z.boolean().default(false).describe('Only the owner, heads of department and administrators see it'),
};

export const VisitCreateSchema = z.object(visitFields).superRefine(endNotBeforeStart('startDate', 'endDate')).meta({ id: 'VisitCreate' });
export type VisitCreate = z.input<typeof VisitCreateSchema>;
export const VisitUpdateSchema = z
  .object({ version: VersionSchema, ...patchShape(visitFields) })
  .superRefine(endNotBeforeStart('startDate', 'endDate'))
  .meta({ id: 'VisitUpdate' });
export type VisitUpdate = z.input<typeof VisitUpdateSchema>;

const ml = z.object({ original: z.string(), values: z.record(z.string(), z.string()) });

export const PASSPORT_WARNING_REASONS = ['no_passport', 'expires_before_return', 'expires_within_6_months'] as const;
export const PassportWarningSchema = z
  .object({
    participantId: z.uuid(),
    personId: z.uuid().nullable(),
    expiry: z.string().nullable().describe('Expiry of the traveller’s longest-valid passport on file, or null when there is none'),
    reason: z.enum(PASSPORT_WARNING_REASONS),
  })
  .meta({ id: 'PassportWarning' });
export type PassportWarning = z.infer<typeof PassportWarningSchema>;
const PassportWarningsSchema = z
  .array(PassportWarningSchema)
  .nullable()
  .describe('Travellers whose passport is not valid until 6 months after the trip; null for roles that may not read passports');

const visitSummaryShape = {
  ...RecordMetaShape,
  direction: VisitDirectionSchema,
  status: VisitStatusSchema,
  title: ml,
  purpose: ml.nullable(),
  startDate: z.string(),
  endDate: z.string(),
  timeZone: z.string(),
  organization: z.object({ id: z.uuid(), name: ml }).nullable(),
  country: z.string().nullable(),
  city: z.string().nullable(),
  guestLanguages: z.array(z.string()),
  responsible: UserRefSchema,
  contactPhone: z.string().nullable(),
  confidential: z.boolean(),
  owner: UserRefSchema,
  reportSubmittedAt: z.iso.datetime().nullable(),
  participantCount: z.number().int(),
  openTaskCount: z.number().int(),
  overdueTaskCount: z.number().int(),
  passportWarnings: PassportWarningsSchema,
  abilities: AbilitiesSchema,
};
export const VisitSummarySchema = z.object(visitSummaryShape).meta({ id: 'VisitSummary' });
export type VisitSummary = z.infer<typeof VisitSummarySchema>;

export const VISIT_SORTS = ['startDate', 'title', 'status', 'updatedAt'] as const;
export const VisitListQuerySchema = pageQuery(VISIT_SORTS).extend({
  direction: VisitDirectionSchema.optional(),
  status: VisitStatusSchema.optional(),
  from: IsoDateSchema.optional().describe('Visits that end on or after this date'),
  to: IsoDateSchema.optional().describe('Visits that start on or before this date'),
  responsibleId: z.uuid().optional(),
});
export type VisitListQuery = z.input<typeof VisitListQuerySchema>;
export const VisitPageSchema = pageOf(VisitSummarySchema);

// --- Participants -------------------------------------------------------------------------

export const PARTICIPANT_ROLES = ['guest', 'host', 'interpreter', 'traveller', 'other'] as const;
export const ParticipantRoleSchema = z.enum(PARTICIPANT_ROLES);
export const TRAVEL_MODES = ['flight', 'train', 'car', 'other'] as const;

export const TravelLegSchema = z
  .object({
    mode: z.enum(TRAVEL_MODES),
    carrier: text(100).describe('Airline, railway or who drives'),
    number: text(30).describe('Flight or train number'),
    at: LocalDateTimeSchema.nullable().default(null).describe("Local time at the place of the visit (the visit's zone)"),
    place: text(200).describe('Airport, station or border crossing'),
  })
  .meta({ id: 'TravelLeg' });

const participantFields = {
  role: ParticipantRoleSchema,
  personId: z.uuid().nullable().optional().describe('A person from the directory; or leave empty and give a name'),
  name: optionalText(200).describe('Name of someone not in the directory'),
  nameLatin: text(200),
  position: text(200).describe('Position, for someone not in the directory'),
  organization: text(300).describe('Organisation, for someone not in the directory'),
  arrival: TravelLegSchema.nullable().optional(),
  departure: TravelLegSchema.nullable().optional(),
  dietaryNeeds: text(1000),
  accessNeeds: text(1000),
  meetBy: text(200).describe('Who meets them on arrival'),
  seeOffBy: text(200).describe('Who sees them off'),
  notes: z.string().max(5000).default(''),
};

function participantRules(value: { personId?: string | null; name?: string | null; arrival?: { at: string | null } | null; departure?: { at: string | null } | null }, ctx: z.RefinementCtx) {
  if (!value.personId && !value.name?.trim()) ctx.addIssue({ code: 'custom', path: ['name'], message: 'required' });
  const arrival = value.arrival?.at;
  const departure = value.departure?.at;
  if (arrival && departure && arrival > departure) ctx.addIssue({ code: 'custom', path: ['departure', 'at'], message: 'before_start' });
}

export const ParticipantCreateSchema = z
  .object({ visitId: z.uuid(), ...participantFields })
  .superRefine(participantRules)
  .meta({ id: 'ParticipantCreate' });
export type ParticipantCreate = z.input<typeof ParticipantCreateSchema>;
/** The fields of a participant, checked as a whole (after an update is merged). */
export const ParticipantValuesSchema = z.object(participantFields).superRefine(participantRules);
export const ParticipantUpdateSchema = z.object({ version: VersionSchema, ...patchShape(participantFields) }).meta({ id: 'ParticipantUpdate' });
export type ParticipantUpdate = z.input<typeof ParticipantUpdateSchema>;

const LegOut = z.object({ mode: z.enum(TRAVEL_MODES), carrier: z.string(), number: z.string(), at: z.string().nullable(), place: z.string() });

export const ParticipantSchema = z
  .object({
    ...RecordMetaShape,
    visitId: z.uuid(),
    role: ParticipantRoleSchema,
    person: z.object({ id: z.uuid(), name: z.string() }).nullable().describe('The linked directory person, when the caller may see it'),
    name: z.string().describe("Display name: the directory person's, or the name given"),
    nameLatin: z.string(),
    position: z.string(),
    organization: z.string(),
    arrival: LegOut.nullable(),
    departure: LegOut.nullable(),
    dietaryNeeds: z.string(),
    accessNeeds: z.string(),
    meetBy: z.string(),
    seeOffBy: z.string(),
    notes: z.string(),
    passportWarning: PassportWarningSchema.nullable().describe('For a traveller on a trip, when the caller may read passports'),
  })
  .meta({ id: 'Participant' });
export type Participant = z.infer<typeof ParticipantSchema>;

// --- Programme ----------------------------------------------------------------------------

const programmeFields = {
  day: IsoDateSchema,
  start: LocalTimeSchema,
  end: LocalTimeSchema.nullable().optional(),
  title: MultilingualTextSchema,
  place: OptionalMultilingualTextSchema.optional(),
  attendeeIds: z.array(z.uuid()).max(200).default([]).describe('Participants of this visit who attend'),
  attendeesText: text(1000).describe('Who attends, in words (e.g. "the whole delegation")'),
  responsibleId: z.uuid().nullable().optional().describe('Staff member responsible (a user)'),
  transport: text(300).describe('Transport leg, e.g. "Minibus: hotel → city hall"'),
  dressCode: text(100),
  notes: OptionalMultilingualTextSchema.optional(),
};

export const ProgrammeItemCreateSchema = z
  .object({ visitId: z.uuid(), ...programmeFields })
  .superRefine(endNotBeforeStart('start', 'end'))
  .meta({ id: 'ProgrammeItemCreate' });
export type ProgrammeItemCreate = z.input<typeof ProgrammeItemCreateSchema>;
export const ProgrammeItemValuesSchema = z.object(programmeFields).superRefine(endNotBeforeStart('start', 'end'));
export const ProgrammeItemUpdateSchema = z.object({ version: VersionSchema, ...patchShape(programmeFields) }).meta({ id: 'ProgrammeItemUpdate' });
export type ProgrammeItemUpdate = z.input<typeof ProgrammeItemUpdateSchema>;

export const ProgrammeItemSchema = z
  .object({
    ...RecordMetaShape,
    visitId: z.uuid(),
    day: z.string(),
    start: z.string(),
    end: z.string().nullable(),
    position: z.number().int().describe('Order within the day, from 0'),
    title: ml,
    place: ml.nullable(),
    attendeeIds: z.array(z.uuid()),
    attendeesText: z.string(),
    responsible: UserRefSchema,
    transport: z.string(),
    dressCode: z.string(),
    notes: ml.nullable(),
    conflicts: z
      .array(CalendarConflictSchema)
      .optional()
      .describe('Answered when an item is saved: its attendees booked elsewhere at the same time, or without travel time (the calendar’s check)'),
  })
  .meta({ id: 'ProgrammeItem' });
export type ProgrammeItem = z.infer<typeof ProgrammeItemSchema>;

export const ProgrammeOrderSchema = z
  .object({
    version: VersionSchema.describe('The version of the visit you last saw: any programme change since answers 409'),
    date: IsoDateSchema.describe('The day being arranged'),
    items: z
      .array(
        z
          .object({ id: z.uuid(), start: LocalTimeSchema, end: LocalTimeSchema.nullable().default(null) })
          .superRefine(endNotBeforeStart('start', 'end')),
      )
      .max(200)
      .describe("Every item of the day (and any moved here from another day), in the new order, with their times"),
  })
  .meta({ id: 'ProgrammeOrder' });
export type ProgrammeOrder = z.input<typeof ProgrammeOrderSchema>;

export const MoveDaySchema = z
  .object({
    version: VersionSchema.describe('The version of the visit you last saw'),
    from: IsoDateSchema.describe('The day that moves; every later day moves by the same number of days'),
    to: IsoDateSchema,
  })
  .meta({ id: 'MoveDay' });
export type MoveDay = z.input<typeof MoveDaySchema>;

// --- Sharing ------------------------------------------------------------------------------

export const ShareLinkCreateSchema = z
  .object({
    language: LanguageCodeSchema.describe('The language the guests read the programme in'),
    expiresAt: z.iso.datetime({ offset: true }).describe('When the link stops working (at most a year ahead)'),
  })
  .meta({ id: 'ShareLinkCreate' });

export const ShareLinkSchema = z
  .object({
    id: z.uuid(),
    visitId: z.uuid(),
    language: z.string(),
    expiresAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
    createdBy: UserRefSchema,
    revokedAt: z.iso.datetime().nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'ShareLink' });
export type ShareLink = z.infer<typeof ShareLinkSchema>;

export const CreatedShareLinkSchema = ShareLinkSchema.extend({
  token: z.string().describe('Shown once: only its hash is stored'),
  path: z.string().describe('The page guests open (/p/<token>), relative to the app'),
  url: z.string().describe('The page guests open, as an absolute URL (LEGATO_PUBLIC_URL, else as the server was reached)'),
}).meta({ id: 'CreatedShareLink' });
export type CreatedShareLink = z.infer<typeof CreatedShareLinkSchema>;

export const ShareTokenParamsSchema = z.object({ token: z.string().min(1).max(100) });

export const PublicProgrammeSchema = z
  .object({
    language: z.string(),
    title: z.string(),
    purpose: z.string().nullable(),
    startDate: z.string(),
    endDate: z.string(),
    timeZone: z.string(),
    days: z.array(
      z.object({
        date: z.string(),
        items: z.array(z.object({ start: z.string(), end: z.string().nullable(), title: z.string(), place: z.string().nullable() })),
      }),
    ),
    contact: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'PublicProgramme' });
export type PublicProgramme = z.infer<typeof PublicProgrammeSchema>;

// --- Documents ----------------------------------------------------------------------------

export const DOC_LANGS = ['bg', 'ka', 'en'] as const;
export type DocLangCode = (typeof DOC_LANGS)[number];

/** "ka" or "bg,en": one language, or two printed side by side (a pattern, so the OpenAPI document shows it). */
export const DocLangsSchema = z
  .string()
  .regex(/^(bg|ka|en)(,(bg|ka|en))?$/, { message: 'document_languages' })
  .refine((v) => v.split(',')[0] !== v.split(',')[1], { message: 'document_languages' })
  .describe('One of bg, ka, en, or two different ones separated by a comma (two columns side by side)');
export const DocLangSchema = z.enum(DOC_LANGS);

export const ProgrammeDocQuerySchema = z.object({ lang: DocLangsSchema });
export const ParticipantsDocQuerySchema = z.object({ lang: DocLangSchema });
export const WelcomeLetterQuerySchema = z.object({ lang: DocLangSchema, participantId: z.uuid() });

// --- The whole visit ----------------------------------------------------------------------

export const VisitSchema = z
  .object({
    ...visitSummaryShape,
    notes: z.string(),
    report: z.string(),
    participants: z.array(ParticipantSchema),
    programme: z.array(ProgrammeItemSchema).describe('By day, then by position within the day'),
    accommodations: z.array(AccommodationSchema),
    transports: z.array(TransportSchema),
    tasks: z.array(TaskSchema),
    gifts: z.array(GiftSchema),
    tickets: z.array(TicketSchema),
    budgetLines: z.array(BudgetLineSchema),
    budgetTotals: z.array(BudgetTotalSchema).describe('Estimate and actual per currency'),
    shareLinks: z.array(ShareLinkSchema),
  })
  .meta({ id: 'Visit' });
export type Visit = z.infer<typeof VisitSchema>;
