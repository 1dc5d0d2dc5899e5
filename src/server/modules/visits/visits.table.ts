import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { MultilingualText } from '../../../contracts/common/multilingual.js';
import { organizations } from '../organizations/organizations.table.js';
import { people } from '../people/people.table.js';
import { users } from '../users/users.table.js';

export type StoredLeg = { mode: 'flight' | 'train' | 'car' | 'other'; carrier: string; number: string; at: string | null; place: string };
export type StoredTransportLeg = { from: string; to: string; at: string };

/** Who changed a record, and when: every record below that is edited on its own has these. */
const meta = () => ({
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
  updatedBy: uuid('updated_by'),
});

/** An incoming visit or an outgoing official trip (`direction`). */
export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    direction: text('direction').notNull(),
    status: text('status').notNull().default('proposed'),
    title: jsonb('title').$type<MultilingualText>().notNull(),
    purpose: jsonb('purpose').$type<MultilingualText | null>(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    timeZone: text('time_zone').notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    country: text('country'),
    city: text('city'),
    guestLanguages: text('guest_languages').array().notNull().default(sql`'{}'::text[]`),
    responsibleId: uuid('responsible_id').references(() => users.id, { onDelete: 'set null' }),
    contactPhone: text('contact_phone'),
    notes: text('notes').notNull().default(''),
    report: text('report').notNull().default(''),
    reportSubmittedAt: timestamp('report_submitted_at', { withTimezone: true }),
    confidential: boolean('confidential').notNull().default(false),
    ownerId: uuid('owner_id'),
    /** Title folded to plain Latin, for sorting across scripts. */
    sortTitle: text('sort_title').notNull(),
    searchText: text('search_text').notNull(),
    ...meta(),
  },
  (t) => [
    index('visits_dates_idx').on(t.startDate, t.endDate),
    index('visits_responsible_idx').on(t.responsibleId),
    index('visits_organization_idx').on(t.organizationId),
    index('visits_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** Guests, hosts, interpreters and travellers: a directory person or a name. */
export const visitParticipants = pgTable(
  'visit_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    /** The name given, or the directory person's name when linked (kept if the person is deleted). */
    name: text('name'),
    nameLatin: text('name_latin').notNull().default(''),
    position: text('position').notNull().default(''),
    organization: text('organization').notNull().default(''),
    arrival: jsonb('arrival').$type<StoredLeg | null>(),
    departure: jsonb('departure').$type<StoredLeg | null>(),
    dietaryNeeds: text('dietary_needs').notNull().default(''),
    accessNeeds: text('access_needs').notNull().default(''),
    meetBy: text('meet_by').notNull().default(''),
    seeOffBy: text('see_off_by').notNull().default(''),
    notes: text('notes').notNull().default(''),
    ...meta(),
  },
  (t) => [index('visit_participants_visit_idx').on(t.visitId), index('visit_participants_person_idx').on(t.personId)],
);

/** One item of the programme: a day, times, and its order within the day (`position`). */
export const programmeItems = pgTable(
  'programme_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time'),
    position: integer('position').notNull().default(0),
    title: jsonb('title').$type<MultilingualText>().notNull(),
    place: jsonb('place').$type<MultilingualText | null>(),
    attendeeIds: uuid('attendee_ids').array().notNull().default(sql`'{}'::uuid[]`),
    attendeesText: text('attendees_text').notNull().default(''),
    responsibleId: uuid('responsible_id').references(() => users.id, { onDelete: 'set null' }),
    transport: text('transport').notNull().default(''),
    dressCode: text('dress_code').notNull().default(''),
    notes: jsonb('notes').$type<MultilingualText | null>(),
    ...meta(),
  },
  (t) => [index('programme_items_visit_day_idx').on(t.visitId, t.day, t.position)],
);

export const visitAccommodations = pgTable(
  'visit_accommodations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id').references(() => visitParticipants.id, { onDelete: 'set null' }),
    hotelOrganizationId: uuid('hotel_organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    hotelName: text('hotel_name').notNull().default(''),
    room: text('room').notNull().default(''),
    checkIn: date('check_in', { mode: 'string' }).notNull(),
    checkOut: date('check_out', { mode: 'string' }).notNull(),
    notes: text('notes').notNull().default(''),
    ...meta(),
  },
  (t) => [index('visit_accommodations_visit_idx').on(t.visitId)],
);

export const visitTransports = pgTable(
  'visit_transports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    vehicle: text('vehicle').notNull(),
    driverName: text('driver_name').notNull().default(''),
    driverPhone: text('driver_phone'),
    legs: jsonb('legs').$type<StoredTransportLeg[]>().notNull().default([]),
    notes: text('notes').notNull().default(''),
    ...meta(),
  },
  (t) => [index('visit_transports_visit_idx').on(t.visitId)],
);

/** Coordination tasks (police escort, press, catering, ...). */
export const visitTasks = pgTable(
  'visit_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    dueDate: date('due_date', { mode: 'string' }),
    done: boolean('done').notNull().default(false),
    doneAt: timestamp('done_at', { withTimezone: true }),
    service: text('service'),
    notes: text('notes').notNull().default(''),
    ...meta(),
  },
  (t) => [index('visit_tasks_visit_idx').on(t.visitId), index('visit_tasks_assignee_idx').on(t.assigneeId, t.done, t.dueDate)],
);

/** The gifts register: given and received, across all visits and trips. */
export const gifts = pgTable(
  'gifts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    direction: text('direction').notNull(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    counterpart: text('counterpart').notNull().default(''),
    description: text('description').notNull(),
    value: numeric('value', { precision: 14, scale: 2, mode: 'number' }),
    currency: text('currency'),
    date: date('date', { mode: 'string' }),
    notes: text('notes').notNull().default(''),
    /** The photo in the file store (written once, never changed: a new photo gets a new key). */
    photoKey: text('photo_key'),
    photoType: text('photo_type'),
    photoSize: integer('photo_size'),
    searchText: text('search_text').notNull(),
    ...meta(),
  },
  (t) => [
    index('gifts_visit_idx').on(t.visitId),
    index('gifts_date_idx').on(t.date),
    index('gifts_person_idx').on(t.personId),
    index('gifts_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** Tickets of a trip: local departure and arrival times, each with its zone. */
export const visitTickets = pgTable(
  'visit_tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id').references(() => visitParticipants.id, { onDelete: 'set null' }),
    carrier: text('carrier').notNull(),
    number: text('number').notNull().default(''),
    fromPlace: text('from_place').notNull(),
    toPlace: text('to_place').notNull(),
    departureAt: text('departure_at').notNull(),
    departureTimeZone: text('departure_time_zone').notNull(),
    arrivalAt: text('arrival_at').notNull(),
    arrivalTimeZone: text('arrival_time_zone').notNull(),
    bookingReference: text('booking_reference').notNull().default(''),
    notes: text('notes').notNull().default(''),
    ...meta(),
  },
  (t) => [index('visit_tickets_visit_idx').on(t.visitId)],
);

export const visitBudgetLines = pgTable(
  'visit_budget_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    description: text('description').notNull().default(''),
    estimate: numeric('estimate', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    actual: numeric('actual', { precision: 14, scale: 2, mode: 'number' }),
    currency: text('currency').notNull(),
    ...meta(),
  },
  (t) => [index('visit_budget_lines_visit_idx').on(t.visitId)],
);

/** Read-only links to a visit's programme: only the token's sha-256 is kept, as for sessions. */
export const visitShareLinks = pgTable(
  'visit_share_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    language: text('language').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
  },
  (t) => [uniqueIndex('visit_share_links_token_idx').on(t.tokenHash), index('visit_share_links_visit_idx').on(t.visitId)],
);
