import { z } from 'zod';
import { IsoDateSchema, daysBetween } from './common/dates.js';
import { UserRefSchema } from './common/paging.js';

/**
 * The calendar: one read-only view over the dated records of every module. Each module adds its
 * entry types here and one source function on the server (calendar.sources.ts); visits give
 * all-day spans of incoming visits and outgoing trips, and timed programme items.
 */
export const CALENDAR_ENTRY_TYPES = ['visit', 'trip', 'programme_item'] as const;
export const CalendarEntryTypeSchema = z.enum(CALENDAR_ENTRY_TYPES);
export type CalendarEntryType = z.infer<typeof CalendarEntryTypeSchema>;

export const CONFLICT_KINDS = ['overlap', 'travel_buffer'] as const;

/** The longest window one request may ask for (a year and a bit: the feeds' window). */
export const MAX_CALENDAR_DAYS = 430;

const ml = z.object({ original: z.string(), values: z.record(z.string(), z.string()) });

export const CalendarConflictSchema = z
  .object({
    withEntryId: z.string().describe('The other entry the person is booked in'),
    withTitle: ml,
    withStart: z.string().describe('When the other entry starts (as its `start`)'),
    personId: z.uuid(),
    personName: z.string(),
    kind: z.enum(CONFLICT_KINDS).describe('overlap: at two places at once; travel_buffer: less time between two items at different places than the configured travel buffer'),
  })
  .meta({ id: 'CalendarConflict' });
export type CalendarConflict = z.infer<typeof CalendarConflictSchema>;

export const CalendarPersonSchema = z.object({ id: z.uuid(), name: z.string(), role: z.string().describe('host, guest, traveller, ... (the participant role)') });

export const CalendarEntrySchema = z
  .object({
    id: z.string().describe('Stable across requests: "<type>:<record id>"'),
    type: CalendarEntryTypeSchema,
    title: ml.describe('Multilingual: the client picks its language'),
    place: ml.nullable(),
    allDay: z.boolean(),
    start: z.string().describe('All-day: YYYY-MM-DD; timed: an ISO instant with the offset of `timeZone`'),
    end: z.string().nullable().describe('All-day: the day after the last day (exclusive); timed: ISO instant, or null when no end time is set'),
    timeZone: z.string().describe('IANA zone the times are kept in (the visit’s)'),
    status: z.string(),
    visitId: z.uuid(),
    visitTitle: ml,
    direction: z.enum(['incoming', 'outgoing']),
    confidential: z.boolean(),
    people: z.array(CalendarPersonSchema).describe('Directory people involved: participants of a visit, travellers of a trip, attendees of an item'),
    responsible: z.array(UserRefSchema.unwrap()).describe('The specialist responsible for the visit and, for an item, the item’s own'),
    link: z.string().describe('Where the web app shows the record'),
    conflicts: z.array(CalendarConflictSchema),
  })
  .meta({ id: 'CalendarEntry' });
export type CalendarEntry = z.infer<typeof CalendarEntrySchema>;

/** A comma-separated list (types=visit,trip) or the parameter repeated. */
const TypesSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((t) => t.trim()).filter(Boolean))
  .pipe(z.array(CalendarEntryTypeSchema).max(CALENDAR_ENTRY_TYPES.length));

export const CalendarQuerySchema = z
  .object({
    from: IsoDateSchema.describe('First day shown'),
    to: IsoDateSchema.describe('Last day shown (inclusive)'),
    types: TypesSchema.optional().describe(`Entry types, comma-separated: ${CALENDAR_ENTRY_TYPES.join(', ')}`),
    personId: z.uuid().optional().describe('Only entries this directory person is involved in (an agenda per official)'),
    responsibleId: z.uuid().optional().describe('Only entries this specialist (a user) is responsible for'),
  })
  .superRefine((q, ctx) => {
    if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'before_start' });
    else if (daysBetween(q.from, q.to) > MAX_CALENDAR_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'too_big' });
  });
export type CalendarQuery = z.input<typeof CalendarQuerySchema>;

export const CalendarSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    travelBufferMinutes: z.number().int(),
    entries: z.array(CalendarEntrySchema),
  })
  .meta({ id: 'Calendar' });
export type Calendar = z.infer<typeof CalendarSchema>;

export const ConflictsQuerySchema = z.object({ visitId: z.uuid().describe('The visit or trip whose entries are checked') });
export const VisitConflictsSchema = z
  .object({
    visitId: z.uuid(),
    travelBufferMinutes: z.number().int(),
    entries: z.array(CalendarEntrySchema).describe('The entries of this visit that have conflicts, each with its conflicts'),
  })
  .meta({ id: 'VisitConflicts' });
export type VisitConflicts = z.infer<typeof VisitConflictsSchema>;

// --- Feeds (iCalendar subscriptions) ------------------------------------------------------

export const FEED_SCOPES = ['me', 'person'] as const;

export const FeedCreateSchema = z
  .object({
    scope: z.enum(FEED_SCOPES).describe('me: the visits, trips and items you are responsible for; person: one official’s agenda'),
    personId: z.uuid().nullable().optional().describe('The directory person, for scope=person'),
  })
  .superRefine((v, ctx) => {
    if (v.scope === 'person' && !v.personId) ctx.addIssue({ code: 'custom', path: ['personId'], message: 'required' });
  })
  .meta({ id: 'CalendarFeedCreate' });
export type FeedCreate = z.input<typeof FeedCreateSchema>;

export const FeedSchema = z
  .object({
    id: z.uuid(),
    scope: z.enum(FEED_SCOPES),
    person: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'CalendarFeed' });
export type Feed = z.infer<typeof FeedSchema>;

export const CreatedFeedSchema = FeedSchema.extend({
  token: z.string().describe('Shown once: only its hash is stored'),
  path: z.string().describe('The feed, relative to the server'),
  url: z.string().describe('The feed as an absolute URL (LEGATO_PUBLIC_URL, else as the server was reached)'),
}).meta({ id: 'CreatedCalendarFeed' });
export type CreatedFeed = z.infer<typeof CreatedFeedSchema>;

export const FeedListSchema = z.object({ items: z.array(FeedSchema) }).meta({ id: 'CalendarFeedList' });

export const FeedTokenParamsSchema = z.object({ token: z.string().min(1).max(100) });
export const VisitIcsQuerySchema = z.object({ lang: z.enum(['bg', 'ka', 'en']).optional().describe('Language of the titles (default: yours)') });
