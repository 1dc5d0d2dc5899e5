import { z } from 'zod';
import { IsoDateSchema, LocalDateTimeSchema } from './common/dates.js';
import { IdSchema } from './common/paging.js';

/**
 * The protocol core of events: the order of precedence of guests and seating plans. The rules
 * (src/server/modules/events/precedence.ts and seating.ts) are pure functions over these types,
 * so the web app can show the same order and plan that the server computes.
 */

// --- Order of precedence ------------------------------------------------------------------

/**
 * A rank of a precedence scheme is named by a category: one of PRECEDENCE_CATEGORIES of the
 * directory (people.ts) or a custom key of the scheme (`chair_of_parliament`, `patriarch`, ...).
 */
export const PrecedenceCategoryKeySchema = z
  .string()
  .min(1)
  .max(60)
  .regex(/^\p{Ll}[\p{Ll}0-9_]*$/u, 'precedence_key')
  .describe('A directory precedence category (head_of_state, mayor, ...) or a custom key of the scheme');

export const ProtocolLabelSchema = z
  .object({ bg: z.string().trim().min(1).max(200), ka: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) })
  .describe('The label in each UI language');
export type ProtocolLabel = z.infer<typeof ProtocolLabelSchema>;

export const PrecedenceRankSchema = z
  .object({
    category: PrecedenceCategoryKeySchema,
    label: ProtocolLabelSchema,
    sharesRankWithPrevious: z
      .boolean()
      .optional()
      .describe('Same rank as the rank above (e.g. culture, business, media): its guests are then ordered by the tie-breaks only'),
  })
  .meta({ id: 'PrecedenceRank' });
export type PrecedenceRank = z.infer<typeof PrecedenceRankSchema>;

export const PrecedenceSchemeSchema = z
  .object({
    name: ProtocolLabelSchema,
    ranks: z.array(PrecedenceRankSchema).min(1).max(200).describe('From the highest rank to the lowest'),
    companionsFollowPrincipal: z
      .boolean()
      .describe('Accompanying persons (spouses) take the place right after their principal instead of a place of their own'),
  })
  .superRefine((scheme, ctx) => {
    const seen = new Set<string>();
    scheme.ranks.forEach((rank, i) => {
      if (seen.has(rank.category)) ctx.addIssue({ code: 'custom', path: ['ranks', i, 'category'], message: 'duplicate' });
      seen.add(rank.category);
    });
    if (scheme.ranks[0]?.sharesRankWithPrevious) ctx.addIssue({ code: 'custom', path: ['ranks', 0, 'sharesRankWithPrevious'], message: 'invalid' });
  })
  .meta({ id: 'PrecedenceScheme' });
export type PrecedenceScheme = z.infer<typeof PrecedenceSchemeSchema>;

/**
 * The classes of heads of mission, highest first (Vienna Convention on Diplomatic Relations,
 * art. 14): ambassadors (and nuncios), envoys (ministers, internuncios), chargés d'affaires.
 */
export const DIPLOMATIC_CLASSES = ['ambassador', 'envoy', 'chargé_d_affaires'] as const;
export const DiplomaticClassSchema = z.enum(DIPLOMATIC_CLASSES).describe('Class of a head of mission (VCDR art. 14)');
export type DiplomaticClass = z.infer<typeof DiplomaticClassSchema>;

export const PrecedenceGuestSchema = z
  .object({
    id: IdSchema,
    name: z.string().trim().min(1).max(200).describe('Name used for the final tie-break (collated in the UI language)'),
    category: PrecedenceCategoryKeySchema.nullable().describe("The rank's category, from the directory person's precedence category"),
    rankOverride: PrecedenceCategoryKeySchema.optional().describe('Rank as this category at this event instead'),
    positionOverride: z.number().int().min(1).max(10000).optional().describe('Fixed place in the order (1 = first), set by hand'),
    diplomaticClass: DiplomaticClassSchema.optional().describe('For heads of mission; implied by the ambassador and chargé_d_affaires categories'),
    functionsSince: z
      .union([IsoDateSchema, LocalDateTimeSchema])
      .optional()
      .describe('When the head of mission took up functions (VCDR art. 13: credentials presented); a date alone counts as the start of that day'),
    companionOf: IdSchema.optional().describe('The guest this person accompanies (a spouse follows or sits beside the principal)'),
  })
  .meta({ id: 'PrecedenceGuest' });
export type PrecedenceGuest = z.infer<typeof PrecedenceGuestSchema>;

/** The roles of an event: who hosts it and in whose honour it is given. */
const roleFields = {
  hostId: IdSchema.describe('The host: the place of honour of the first table'),
  coHostId: IdSchema.nullable().optional().describe('The co-host: opposite the host'),
  principalGuestId: IdSchema.nullable().optional().describe("The principal guest (guest of honour): at the host's right"),
};
function distinctRoles(roles: { hostId: string; coHostId?: string | null; principalGuestId?: string | null }, ctx: z.RefinementCtx) {
  const { hostId, coHostId, principalGuestId } = roles;
  if (coHostId && coHostId === hostId) ctx.addIssue({ code: 'custom', path: ['coHostId'], message: 'duplicate' });
  if (principalGuestId && (principalGuestId === hostId || principalGuestId === coHostId)) {
    ctx.addIssue({ code: 'custom', path: ['principalGuestId'], message: 'duplicate' });
  }
}
export const EventRolesSchema = z.object(roleFields).superRefine(distinctRoles).meta({ id: 'EventRoles' });
export type EventRoles = z.infer<typeof EventRolesSchema>;

// --- Tables and seats ---------------------------------------------------------------------

export const TABLE_SHAPES = ['round', 'rectangular', 'head'] as const;
export const TableShapeSchema = z.enum(TABLE_SHAPES);
export type TableShape = z.infer<typeof TableShapeSchema>;

/**
 * Where host and co-host sit at a rectangular table: French style (à la française), face to
 * face in the middle of the long sides; English style (à l'anglaise), at the two ends.
 */
export const RECTANGULAR_STYLES = ['french', 'english'] as const;
/** A head table seats guests on one side, facing the room, or on both sides. */
export const HEAD_TABLE_SIDES = ['one', 'both'] as const;

const tableFields = {
  id: IdSchema,
  name: z.string().trim().min(1).max(100).describe('e.g. "1", "Head table", "Table of honour"'),
  seats: z.number().int().min(1).max(60),
};
export const TableSchema = z
  .discriminatedUnion('shape', [
    z.object({ ...tableFields, shape: z.literal('round') }),
    z.object({ ...tableFields, shape: z.literal('rectangular'), style: z.enum(RECTANGULAR_STYLES).optional().describe('Default: french') }),
    z.object({ ...tableFields, shape: z.literal('head'), sides: z.enum(HEAD_TABLE_SIDES).optional().describe('Default: one') }),
  ])
  .describe('Seat 1 is the place of honour; seats are numbered clockwise as seen from above')
  .meta({ id: 'SeatingTable' });
export type SeatingTable = z.infer<typeof TableSchema>;

export const SeatAssignmentSchema = z
  .object({ guestId: IdSchema, tableId: IdSchema, seat: z.number().int().min(1).max(60) })
  .meta({ id: 'SeatAssignment' });
export type SeatAssignment = z.infer<typeof SeatAssignmentSchema>;

const PlaceSchema = z.object({ tableId: IdSchema, seat: z.number().int() });

export const SEATING_PROBLEM_CODES = [
  'more_guests_than_seats',
  'guest_seated_twice',
  'seat_used_twice',
  'unknown_guest',
  'unknown_table',
  'unknown_seat',
  'no_host',
] as const;

export const SeatingProblemSchema = z
  .discriminatedUnion('code', [
    z.object({ code: z.literal('more_guests_than_seats'), guests: z.number().int(), seats: z.number().int() }),
    z.object({ code: z.literal('guest_seated_twice'), guestId: IdSchema, places: z.array(PlaceSchema).describe('Every place given to the guest') }),
    z.object({ code: z.literal('seat_used_twice'), tableId: IdSchema, seat: z.number().int(), guestIds: z.array(IdSchema).describe('Everyone given the seat') }),
    z.object({ code: z.literal('unknown_guest'), guestId: IdSchema, tableId: IdSchema, seat: z.number().int() }),
    z.object({ code: z.literal('unknown_table'), guestId: IdSchema, tableId: IdSchema }),
    z.object({ code: z.literal('unknown_seat'), guestId: IdSchema, tableId: IdSchema, seat: z.number().int() }),
    z.object({ code: z.literal('no_host'), hostId: IdSchema.nullable().describe('The host asked for, who is not among the guests') }),
  ])
  .meta({ id: 'SeatingProblem' });
export type SeatingProblem = z.infer<typeof SeatingProblemSchema>;
export type SeatingProblemCode = SeatingProblem['code'];

export const SeatingPlanSchema = z
  .object({
    assignments: z.array(SeatAssignmentSchema),
    unseated: z.array(IdSchema).describe('Guests without a seat (the lowest in precedence when the tables are full)'),
    problems: z.array(SeatingProblemSchema),
  })
  .meta({ id: 'SeatingPlan' });
export type SeatingPlan = z.infer<typeof SeatingPlanSchema>;

/** What the planner needs: tables in order of importance, guests in order of precedence. */
export const SeatingRequestSchema = z
  .object({
    tables: z.array(TableSchema).min(1).max(200).describe('The first table is the top table (the host sits at its seat 1)'),
    guests: z.array(z.object({ id: IdSchema, companionOf: IdSchema.optional() })).max(5000).describe('In order of precedence'),
    ...roleFields,
    fixed: z.array(SeatAssignmentSchema).max(5000).default([]).describe('Places set by hand (drag and drop), kept as they are'),
    keepCompanionsTogether: z.boolean().default(false).describe('Seat an accompanying person beside the principal instead of at the next place of honour'),
  })
  .superRefine((request, ctx) => {
    distinctRoles(request, ctx);
    const noDuplicates = (ids: string[], path: string) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: 'duplicate' });
        seen.add(id);
      });
    };
    noDuplicates(request.tables.map((t) => t.id), 'tables');
    noDuplicates(request.guests.map((g) => g.id), 'guests');
  })
  .meta({ id: 'SeatingRequest' });
export type SeatingRequest = z.input<typeof SeatingRequestSchema>;
