import type { z } from 'zod';
import { pickText } from '../../../contracts/common/multilingual.js';
import {
  AccommodationValuesSchema,
  BudgetLineValuesSchema,
  TaskValuesSchema,
  TicketValuesSchema,
  TransportValuesSchema,
  type Accommodation,
  type BudgetLine,
  type Task,
  type Ticket,
  type Transport,
} from '../../../contracts/visits.logistics.js';
import { ParticipantValuesSchema, type Participant } from '../../../contracts/visits.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { fieldError } from '../../platform/errors.js';
import { loadVisible as loadVisibleOrganization } from '../organizations/organizations.service.js';
import { loadVisiblePerson } from '../people/people.service.js';
import type { ChildSpec } from './visits.children.js';
import { checkUser, participantName, userRef, visibleOrganization, visiblePerson, type DtoContext } from './visits.context.js';
import { participantIdsOf, removeAttendee, type VisitRow } from './visits.repository.js';
import { visitAccommodations, visitBudgetLines, visitParticipants, visitTasks, visitTickets, visitTransports } from './visits.table.js';

const meta = (r: { id: string; version: number; createdAt: Date; updatedAt: Date; updatedBy: string | null; visitId: string }, ctx: DtoContext) => ({
  id: r.id,
  version: r.version,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  updatedBy: userRef(ctx, r.updatedBy),
  visitId: r.visitId,
});

/** A link to a directory record the actor cannot see is refused as if it did not exist. */
export async function linkedPerson(tx: Executor, actor: Actor, path: string, id: string) {
  return loadVisiblePerson(tx, actor, id).catch(() => Promise.reject(fieldError(path, 'not_found')));
}

async function checkParticipant(tx: Executor, visit: VisitRow, path: string, id: string | null | undefined) {
  if (id && !(await participantIdsOf(tx, visit.id)).has(id)) throw fieldError(path, 'not_found');
}

// --- Participants -------------------------------------------------------------------------

type ParticipantRow = typeof visitParticipants.$inferSelect;

export const participantSpec: ChildSpec<ParticipantRow, z.output<typeof ParticipantValuesSchema>, Participant> = {
  entity: 'visit_participant',
  table: visitParticipants,
  values: ParticipantValuesSchema,
  inputOf: (r) => ({
    role: r.role,
    personId: r.personId,
    name: r.name,
    nameLatin: r.nameLatin,
    position: r.position,
    organization: r.organization,
    arrival: r.arrival,
    departure: r.departure,
    dietaryNeeds: r.dietaryNeeds,
    accessNeeds: r.accessNeeds,
    meetBy: r.meetBy,
    seeOffBy: r.seeOffBy,
    notes: r.notes,
  }),
  async columns(tx, actor, _visit, v, before) {
    // A linked person's name is kept on the participant too, for when the person is deleted.
    let name = v.name?.trim() || null;
    if (v.personId) {
      const person = before?.personId === v.personId ? null : await linkedPerson(tx, actor, 'personId', v.personId);
      name = person ? person.name : (before?.name ?? name);
    }
    return {
      role: v.role,
      personId: v.personId ?? null,
      name,
      nameLatin: v.nameLatin,
      position: v.position,
      organization: v.organization,
      arrival: v.arrival ?? null,
      departure: v.departure ?? null,
      dietaryNeeds: v.dietaryNeeds,
      accessNeeds: v.accessNeeds,
      meetBy: v.meetBy,
      seeOffBy: v.seeOffBy,
      notes: v.notes,
    };
  },
  // Names and values only: the history shows the record's kind in the reader's language.
  label: (r) => r.name ?? '',
  refs: (r) => ({ people: [r.personId] }),
  dto: (r, ctx) => {
    const person = visiblePerson(ctx, r.personId);
    return {
      ...meta(r, ctx),
      role: r.role as Participant['role'],
      person: person ? { id: person.id, name: person.name } : null,
      name: participantName(ctx, r),
      nameLatin: r.nameLatin || (person?.nameLatin ?? ''),
      position: r.position,
      organization: r.organization,
      arrival: r.arrival ?? null,
      departure: r.departure ?? null,
      dietaryNeeds: r.dietaryNeeds,
      accessNeeds: r.accessNeeds,
      meetBy: r.meetBy,
      seeOffBy: r.seeOffBy,
      notes: r.notes,
      passportWarning: ctx.warnings?.get(r.id) ?? null,
    };
  },
  // Programme items stop naming a participant who is gone.
  afterDelete: (tx, visit, row) => removeAttendee(tx, visit.id, row.id),
};

// --- Accommodation ------------------------------------------------------------------------

type AccommodationRow = typeof visitAccommodations.$inferSelect;

export const accommodationSpec: ChildSpec<AccommodationRow, z.output<typeof AccommodationValuesSchema>, Accommodation> = {
  entity: 'visit_accommodation',
  table: visitAccommodations,
  values: AccommodationValuesSchema,
  inputOf: (r) => ({
    participantId: r.participantId,
    hotelOrganizationId: r.hotelOrganizationId,
    hotelName: r.hotelName,
    room: r.room,
    checkIn: r.checkIn,
    checkOut: r.checkOut,
    notes: r.notes,
  }),
  async columns(tx, actor, visit, v, before) {
    await checkParticipant(tx, visit, 'participantId', v.participantId);
    let hotelName = v.hotelName;
    if (v.hotelOrganizationId && v.hotelOrganizationId !== before?.hotelOrganizationId) {
      const hotel = await loadVisibleOrganization(tx, actor, v.hotelOrganizationId).catch(() => Promise.reject(fieldError('hotelOrganizationId', 'not_found')));
      // Kept as text too: the booking still names the hotel if the organisation is deleted.
      hotelName = v.hotelName || pickText(hotel.name, hotel.name.original);
    }
    return {
      participantId: v.participantId ?? null,
      hotelOrganizationId: v.hotelOrganizationId ?? null,
      hotelName,
      room: v.room,
      checkIn: v.checkIn,
      checkOut: v.checkOut,
      notes: v.notes,
    };
  },
  label: (r) => `${r.hotelName} ${r.checkIn}–${r.checkOut}`,
  refs: (r) => ({ organizations: [r.hotelOrganizationId] }),
  dto: (r, ctx) => {
    const hotel = visibleOrganization(ctx, r.hotelOrganizationId);
    return {
      ...meta(r, ctx),
      participantId: r.participantId,
      hotel: hotel ? { id: hotel.id, name: hotel.name } : null,
      hotelName: r.hotelName,
      room: r.room,
      checkIn: r.checkIn,
      checkOut: r.checkOut,
      notes: r.notes,
    };
  },
};

// --- Transport ----------------------------------------------------------------------------

type TransportRow = typeof visitTransports.$inferSelect;

export const transportSpec: ChildSpec<TransportRow, z.output<typeof TransportValuesSchema>, Transport> = {
  entity: 'visit_transport',
  table: visitTransports,
  values: TransportValuesSchema,
  inputOf: (r) => ({ vehicle: r.vehicle, driverName: r.driverName, driverPhone: r.driverPhone, legs: r.legs, notes: r.notes }),
  columns: async (_tx, _actor, _visit, v) => ({ vehicle: v.vehicle, driverName: v.driverName, driverPhone: v.driverPhone ?? null, legs: v.legs, notes: v.notes }),
  label: (r) => r.vehicle,
  refs: () => ({}),
  dto: (r, ctx) => ({ ...meta(r, ctx), vehicle: r.vehicle, driverName: r.driverName, driverPhone: r.driverPhone, legs: r.legs, notes: r.notes }),
};

// --- Coordination tasks -------------------------------------------------------------------

type TaskRow = typeof visitTasks.$inferSelect;

export const taskSpec: ChildSpec<TaskRow, z.output<typeof TaskValuesSchema>, Task> = {
  entity: 'visit_task',
  table: visitTasks,
  values: TaskValuesSchema,
  inputOf: (r) => ({ title: r.title, assigneeId: r.assigneeId, dueDate: r.dueDate, done: r.done, service: r.service, notes: r.notes }),
  async columns(tx, _actor, _visit, v, before) {
    await checkUser(tx, 'assigneeId', v.assigneeId);
    return {
      title: v.title,
      assigneeId: v.assigneeId ?? null,
      dueDate: v.dueDate ?? null,
      done: v.done,
      doneAt: v.done ? (before?.done ? before.doneAt : new Date()) : null,
      service: v.service ?? null,
      notes: v.notes,
    };
  },
  label: (r) => r.title,
  refs: (r) => ({ users: [r.assigneeId] }),
  dto: (r, ctx) => ({
    ...meta(r, ctx),
    title: r.title,
    assignee: userRef(ctx, r.assigneeId),
    dueDate: r.dueDate,
    done: r.done,
    doneAt: r.doneAt?.toISOString() ?? null,
    service: r.service as Task['service'],
    notes: r.notes,
    overdue: !r.done && !!r.dueDate && r.dueDate < ctx.today,
  }),
};

// --- Tickets ------------------------------------------------------------------------------

type TicketRow = typeof visitTickets.$inferSelect;

export const ticketSpec: ChildSpec<TicketRow, z.output<typeof TicketValuesSchema>, Ticket> = {
  entity: 'visit_ticket',
  table: visitTickets,
  values: TicketValuesSchema,
  inputOf: (r) => ({
    participantId: r.participantId,
    carrier: r.carrier,
    number: r.number,
    from: r.fromPlace,
    to: r.toPlace,
    departureAt: r.departureAt,
    departureTimeZone: r.departureTimeZone,
    arrivalAt: r.arrivalAt,
    arrivalTimeZone: r.arrivalTimeZone,
    bookingReference: r.bookingReference,
    notes: r.notes,
  }),
  async columns(tx, _actor, visit, v) {
    await checkParticipant(tx, visit, 'participantId', v.participantId);
    return {
      participantId: v.participantId ?? null,
      carrier: v.carrier,
      number: v.number,
      fromPlace: v.from,
      toPlace: v.to,
      departureAt: v.departureAt,
      departureTimeZone: v.departureTimeZone,
      arrivalAt: v.arrivalAt,
      arrivalTimeZone: v.arrivalTimeZone,
      bookingReference: v.bookingReference,
      notes: v.notes,
    };
  },
  label: (r) => `${r.carrier} ${r.number} ${r.fromPlace} → ${r.toPlace} ${r.departureAt}`,
  refs: () => ({}),
  dto: (r, ctx) => ({
    ...meta(r, ctx),
    participantId: r.participantId,
    carrier: r.carrier,
    number: r.number,
    from: r.fromPlace,
    to: r.toPlace,
    departureAt: r.departureAt,
    departureTimeZone: r.departureTimeZone,
    arrivalAt: r.arrivalAt,
    arrivalTimeZone: r.arrivalTimeZone,
    bookingReference: r.bookingReference,
    notes: r.notes,
  }),
};

// --- Budget -------------------------------------------------------------------------------

type BudgetLineRow = typeof visitBudgetLines.$inferSelect;

export const budgetLineSpec: ChildSpec<BudgetLineRow, z.output<typeof BudgetLineValuesSchema>, BudgetLine> = {
  entity: 'visit_budget_line',
  table: visitBudgetLines,
  values: BudgetLineValuesSchema,
  inputOf: (r) => ({ category: r.category, description: r.description, estimate: r.estimate, actual: r.actual, currency: r.currency }),
  columns: async (_tx, _actor, _visit, v) => ({ category: v.category, description: v.description, estimate: v.estimate, actual: v.actual ?? null, currency: v.currency }),
  label: (r) => `${r.category} ${r.estimate} ${r.currency}`,
  refs: () => ({}),
  dto: (r, ctx) => ({
    ...meta(r, ctx),
    category: r.category as BudgetLine['category'],
    description: r.description,
    estimate: Number(r.estimate),
    actual: r.actual === null ? null : Number(r.actual),
    currency: r.currency,
  }),
};

/** Estimate and actual per currency (amounts in different currencies are never added up). */
export function budgetTotals(lines: BudgetLine[]): { currency: string; estimate: number; actual: number }[] {
  const totals = new Map<string, { currency: string; estimate: number; actual: number }>();
  for (const l of lines) {
    const t = totals.get(l.currency) ?? { currency: l.currency, estimate: 0, actual: 0 };
    // Cents, so that 0.1 + 0.2 stays 0.3.
    t.estimate = Math.round(t.estimate * 100 + l.estimate * 100) / 100;
    t.actual = Math.round(t.actual * 100 + (l.actual ?? 0) * 100) / 100;
    totals.set(l.currency, t);
  }
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
