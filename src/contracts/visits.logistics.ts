import { z } from 'zod';
import { CURRENCIES } from './common/currencies.js';
import { IsoDateSchema, LocalDateTimeSchema, TimeZoneSchema, endNotBeforeStart, isTimeZone, zonedInstant } from './common/dates.js';
import { RecordMetaShape, UserRefSchema, VersionSchema, pageOf, pageQuery, patchShape } from './common/paging.js';
import { PhoneSchema } from './people.js';

/**
 * The logistics of a visit or trip: accommodation, transport, coordination tasks, gifts,
 * tickets and budget lines. Each is its own record (version, audit) inside one visit; they are
 * created with the visit's id in the body and changed at /api/<records>/{id}.
 */
const text = (max: number) => z.string().trim().max(max).default('');
const required = (max: number) => z.string().trim().min(1).max(max);

export const CurrencySchema = z.enum(CURRENCIES).describe('ISO 4217 currency code, e.g. EUR, BGN, GEL, USD');
const MoneySchema = z.number().min(0).max(9_999_999_999).describe('Amount, up to two decimals');

// --- Accommodation ------------------------------------------------------------------------

const accommodationFields = {
  participantId: z.uuid().nullable().optional().describe('Who stays (empty: the whole delegation)'),
  hotelOrganizationId: z.uuid().nullable().optional().describe('The hotel, from the directory'),
  hotelName: text(300).describe('The hotel, when it is not in the directory'),
  room: text(50),
  checkIn: IsoDateSchema,
  checkOut: IsoDateSchema,
  notes: z.string().max(2000).default(''),
};
function accommodationRules(v: { hotelOrganizationId?: string | null; hotelName?: string; checkIn?: string; checkOut?: string }, ctx: z.RefinementCtx) {
  if (!v.hotelOrganizationId && !v.hotelName?.trim()) ctx.addIssue({ code: 'custom', path: ['hotelName'], message: 'required' });
  endNotBeforeStart('checkIn', 'checkOut')(v, ctx);
}
export const AccommodationCreateSchema = z.object({ visitId: z.uuid(), ...accommodationFields }).superRefine(accommodationRules).meta({ id: 'AccommodationCreate' });
export const AccommodationValuesSchema = z.object(accommodationFields).superRefine(accommodationRules);
export const AccommodationUpdateSchema = z.object({ version: VersionSchema, ...patchShape(accommodationFields) }).meta({ id: 'AccommodationUpdate' });
export const AccommodationSchema = z
  .object({
    ...RecordMetaShape,
    visitId: z.uuid(),
    participantId: z.uuid().nullable(),
    hotel: z.object({ id: z.uuid(), name: z.object({ original: z.string(), values: z.record(z.string(), z.string()) }) }).nullable(),
    hotelName: z.string(),
    room: z.string(),
    checkIn: z.string(),
    checkOut: z.string(),
    notes: z.string(),
  })
  .meta({ id: 'Accommodation' });
export type Accommodation = z.infer<typeof AccommodationSchema>;

// --- Transport ----------------------------------------------------------------------------

export const TransportLegSchema = z.object({
  from: required(300),
  to: required(300),
  at: LocalDateTimeSchema.describe("Local time (the visit's zone)"),
});
const transportFields = {
  vehicle: required(200).describe('e.g. "Minibus Mercedes Sprinter, CB 1234 AB"'),
  driverName: text(200),
  driverPhone: PhoneSchema.shape.number.nullable().optional(),
  legs: z.array(TransportLegSchema).max(50).default([]),
  notes: z.string().max(2000).default(''),
};
export const TransportCreateSchema = z.object({ visitId: z.uuid(), ...transportFields }).meta({ id: 'TransportCreate' });
export const TransportValuesSchema = z.object(transportFields);
export const TransportUpdateSchema = z.object({ version: VersionSchema, ...patchShape(transportFields) }).meta({ id: 'TransportUpdate' });
export const TransportSchema = z
  .object({
    ...RecordMetaShape,
    visitId: z.uuid(),
    vehicle: z.string(),
    driverName: z.string(),
    driverPhone: z.string().nullable(),
    legs: z.array(z.object({ from: z.string(), to: z.string(), at: z.string() })),
    notes: z.string(),
  })
  .meta({ id: 'Transport' });
export type Transport = z.infer<typeof TransportSchema>;

// --- Coordination tasks -------------------------------------------------------------------

export const TASK_SERVICES = ['police_escort', 'press', 'catering', 'transport', 'security', 'medical', 'other'] as const;
const taskFields = {
  title: required(300),
  assigneeId: z.uuid().nullable().optional().describe('Who does it (a user)'),
  dueDate: IsoDateSchema.nullable().optional(),
  done: z.boolean().default(false),
  service: z.enum(TASK_SERVICES).nullable().optional().describe('The municipal service involved'),
  notes: z.string().max(2000).default(''),
};
export const TaskCreateSchema = z.object({ visitId: z.uuid(), ...taskFields }).meta({ id: 'VisitTaskCreate' });
export const TaskValuesSchema = z.object(taskFields);
export const TaskUpdateSchema = z.object({ version: VersionSchema, ...patchShape(taskFields) }).meta({ id: 'VisitTaskUpdate' });
export const TaskSchema = z
  .object({
    ...RecordMetaShape,
    visitId: z.uuid(),
    title: z.string(),
    assignee: UserRefSchema,
    dueDate: z.string().nullable(),
    done: z.boolean(),
    doneAt: z.iso.datetime().nullable(),
    service: z.enum(TASK_SERVICES).nullable(),
    notes: z.string(),
    overdue: z.boolean().describe("Not done and due before today (the office's time zone)"),
  })
  .meta({ id: 'VisitTask' });
export type Task = z.infer<typeof TaskSchema>;

// --- Gifts --------------------------------------------------------------------------------

export const GIFT_DIRECTIONS = ['given', 'received'] as const;
const giftFields = {
  direction: z.enum(GIFT_DIRECTIONS),
  personId: z.uuid().nullable().optional().describe('To or from whom, from the directory'),
  counterpart: text(300).describe('To or from whom, in words'),
  description: required(2000),
  value: MoneySchema.nullable().optional(),
  currency: CurrencySchema.nullable().optional(),
  date: IsoDateSchema.nullable().optional().describe('When it was given (empty: the first day of the visit)'),
  notes: z.string().max(2000).default(''),
};
function giftRules(v: { personId?: string | null; counterpart?: string; value?: number | null; currency?: string | null }, ctx: z.RefinementCtx) {
  if (!v.personId && !v.counterpart?.trim()) ctx.addIssue({ code: 'custom', path: ['counterpart'], message: 'required' });
  if (v.value != null && !v.currency) ctx.addIssue({ code: 'custom', path: ['currency'], message: 'required' });
}
export const GiftCreateSchema = z.object({ visitId: z.uuid(), ...giftFields }).superRefine(giftRules).meta({ id: 'GiftCreate' });
export const GiftValuesSchema = z.object(giftFields).superRefine(giftRules);
export const GiftUpdateSchema = z.object({ version: VersionSchema, ...patchShape(giftFields) }).meta({ id: 'GiftUpdate' });
export const GiftSchema = z
  .object({
    ...RecordMetaShape,
    visitId: z.uuid(),
    visit: z.object({ id: z.uuid(), title: z.object({ original: z.string(), values: z.record(z.string(), z.string()) }), direction: z.enum(['incoming', 'outgoing']), startDate: z.string() }),
    direction: z.enum(GIFT_DIRECTIONS),
    person: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    counterpart: z.string(),
    description: z.string(),
    value: z.number().nullable(),
    currency: z.string().nullable(),
    date: z.string().nullable(),
    notes: z.string(),
    photo: z.object({ type: z.string(), size: z.number().int() }).nullable().describe('GET /api/gifts/{id}/photo when present'),
  })
  .meta({ id: 'Gift' });
export type Gift = z.infer<typeof GiftSchema>;

export const GIFT_SORTS = ['date', 'value', 'updatedAt'] as const;
export const GiftListQuerySchema = pageQuery(GIFT_SORTS).extend({
  direction: z.enum(GIFT_DIRECTIONS).optional(),
  visitId: z.uuid().optional(),
  visitDirection: z.enum(['incoming', 'outgoing']).optional().describe('Gifts of incoming visits or of trips'),
  personId: z.uuid().optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});
export type GiftListQuery = z.input<typeof GiftListQuerySchema>;
export const GiftPageSchema = pageOf(GiftSchema);

/** Photos of gifts: JPEG, PNG or WebP, recognised by their content. */
export const GIFT_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

// --- Tickets ------------------------------------------------------------------------------

const ticketFields = {
  participantId: z.uuid().nullable().optional().describe('The traveller'),
  carrier: required(100),
  number: text(30),
  from: required(200),
  to: required(200),
  departureAt: LocalDateTimeSchema,
  departureTimeZone: TimeZoneSchema,
  arrivalAt: LocalDateTimeSchema,
  arrivalTimeZone: TimeZoneSchema,
  bookingReference: text(50),
  notes: z.string().max(2000).default(''),
};
function ticketRules(v: { departureAt?: string; departureTimeZone?: string; arrivalAt?: string; arrivalTimeZone?: string }, ctx: z.RefinementCtx) {
  const { departureAt, departureTimeZone, arrivalAt, arrivalTimeZone } = v;
  if (!departureAt || !arrivalAt || !departureTimeZone || !arrivalTimeZone) return;
  if (!isTimeZone(departureTimeZone) || !isTimeZone(arrivalTimeZone)) return;
  if (zonedInstant(arrivalAt, arrivalTimeZone) < zonedInstant(departureAt, departureTimeZone)) {
    ctx.addIssue({ code: 'custom', path: ['arrivalAt'], message: 'before_start' });
  }
}
export const TicketCreateSchema = z.object({ visitId: z.uuid(), ...ticketFields }).superRefine(ticketRules).meta({ id: 'TicketCreate' });
export const TicketValuesSchema = z.object(ticketFields).superRefine(ticketRules);
export const TicketUpdateSchema = z.object({ version: VersionSchema, ...patchShape(ticketFields) }).meta({ id: 'TicketUpdate' });
export const TicketSchema = z
  .object({
    ...RecordMetaShape,
    visitId: z.uuid(),
    participantId: z.uuid().nullable(),
    carrier: z.string(),
    number: z.string(),
    from: z.string(),
    to: z.string(),
    departureAt: z.string(),
    departureTimeZone: z.string(),
    arrivalAt: z.string(),
    arrivalTimeZone: z.string(),
    bookingReference: z.string(),
    notes: z.string(),
  })
  .meta({ id: 'Ticket' });
export type Ticket = z.infer<typeof TicketSchema>;

// --- Budget -------------------------------------------------------------------------------

export const BUDGET_CATEGORIES = ['travel', 'accommodation', 'per_diem', 'local_transport', 'hospitality', 'gifts', 'fees', 'insurance', 'other'] as const;
const budgetFields = {
  category: z.enum(BUDGET_CATEGORIES),
  description: text(300),
  estimate: MoneySchema,
  actual: MoneySchema.nullable().optional(),
  currency: CurrencySchema,
};
export const BudgetLineCreateSchema = z.object({ visitId: z.uuid(), ...budgetFields }).meta({ id: 'BudgetLineCreate' });
export const BudgetLineValuesSchema = z.object(budgetFields);
export const BudgetLineUpdateSchema = z.object({ version: VersionSchema, ...patchShape(budgetFields) }).meta({ id: 'BudgetLineUpdate' });
export const BudgetLineSchema = z
  .object({
    ...RecordMetaShape,
    visitId: z.uuid(),
    category: z.enum(BUDGET_CATEGORIES),
    description: z.string(),
    estimate: z.number(),
    actual: z.number().nullable(),
    currency: z.string(),
  })
  .meta({ id: 'BudgetLine' });
export type BudgetLine = z.infer<typeof BudgetLineSchema>;
export const BudgetTotalSchema = z
  .object({ currency: z.string(), estimate: z.number(), actual: z.number() })
  .meta({ id: 'BudgetTotal' });
