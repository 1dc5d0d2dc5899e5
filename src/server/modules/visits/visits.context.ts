import { addMonths, todayIn } from '../../../contracts/common/dates.js';
import type { UserRef } from '../../../contracts/common/paging.js';
import { can, type Role } from '../../../contracts/common/permissions.js';
import type { PassportWarning } from '../../../contracts/visits.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { canSee, userRefs } from '../../platform/records.js';
import { latestPassportExpiries } from '../passports/passports.repository.js';
import {
  selectActiveUser,
  selectOrganizationsBrief,
  selectPeopleBrief,
  selectTravellers,
  selectVisit,
  type PersonBrief,
  type VisitRow,
} from './visits.repository.js';

/** What the visit services need of the office: its time zone (defaults, and what "today" is). */
export type Office = { timeZone: string };

export const VISIT_ENTITY = 'visit';

/** Loads a visit the actor may see; a confidential visit of someone else is "not found". */
export async function loadVisibleVisit(db: Executor, actor: Actor, id: string, forUpdate = false): Promise<VisitRow> {
  const row = await selectVisit(db, id, forUpdate);
  if (!row || !canSee(actor, row)) throw new AppError('not_found');
  return row;
}

/** The visit named in a body (`visitId`): one the actor cannot see is a field error, as any link. */
export async function loadParentVisit(db: Executor, actor: Actor, id: string): Promise<VisitRow> {
  try {
    return await loadVisibleVisit(db, actor, id, true);
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') throw fieldError('visitId', 'not_found');
    throw err;
  }
}

export async function checkUser(db: Executor, path: string, id: string | null | undefined): Promise<void> {
  if (id && !(await selectActiveUser(db, id))) throw fieldError(path, 'not_found');
}

/** Everything a DTO needs besides its own row, loaded once for a whole response. */
export type DtoContext = {
  actor: Actor;
  today: string;
  users: Map<string, UserRef>;
  people: Map<string, PersonBrief>;
  organizations: Map<string, { id: string; name: { original: string; values: Record<string, string> }; confidential: boolean; ownerId: string | null }>;
  visits: Map<string, VisitRow>;
  /** Passport warnings by participant id; null when the actor may not read passports. */
  warnings: Map<string, PassportWarning> | null;
  /** The same, by visit id. */
  warningsByVisit: Map<string, PassportWarning[]> | null;
};

export type ContextRefs = { users?: (string | null | undefined)[]; people?: (string | null | undefined)[]; organizations?: (string | null | undefined)[] };

const ids = (list: (string | null | undefined)[] | undefined) => (list ?? []).filter((x): x is string => !!x);

export async function buildContext(db: Executor, office: Office, actor: Actor, visits: VisitRow[], refs: ContextRefs): Promise<DtoContext> {
  const [users, people, organizations, warnings] = await Promise.all([
    userRefs(db, ids(refs.users)),
    selectPeopleBrief(db, ids(refs.people)),
    selectOrganizationsBrief(db, ids(refs.organizations)),
    passportWarnings(db, actor, visits),
  ]);
  return {
    actor,
    today: todayIn(office.timeZone),
    users,
    people: new Map(people.map((p) => [p.id, p])),
    organizations: new Map(organizations.map((o) => [o.id, o])),
    visits: new Map(visits.map((v) => [v.id, v])),
    warnings: warnings && new Map([...warnings.values()].flat().map((w) => [w.participantId, w])),
    warningsByVisit: warnings,
  };
}

export const userRef = (ctx: DtoContext, id: string | null | undefined): UserRef => (id && ctx.users.get(id)) || null;

/** A linked directory person as the actor may see it (a confidential one of someone else: not at all). */
export function visiblePerson(ctx: DtoContext, id: string | null | undefined): PersonBrief | null {
  const person = id ? ctx.people.get(id) : undefined;
  return person && canSee(ctx.actor, person) ? person : null;
}

export function visibleOrganization(ctx: DtoContext, id: string | null | undefined) {
  const org = id ? ctx.organizations.get(id) : undefined;
  return org && canSee(ctx.actor, org) ? org : null;
}

/**
 * The name a participant is shown by: the directory person's current name; the name kept on the
 * participant when no person is linked (or the person was deleted); nothing when the person is
 * confidential and hidden from the actor.
 */
export function participantName(ctx: DtoContext, row: { personId: string | null; name: string | null }): string {
  if (!row.personId) return row.name ?? '';
  return visiblePerson(ctx, row.personId)?.name ?? '';
}

/** Trips that are still to happen get passport warnings; cancelled and finished ones do not. */
const CHECKED_STATUSES = new Set(['proposed', 'confirmed', 'in_progress']);

/**
 * The travellers of outgoing trips whose passport is not valid for 6 months after the trip's last
 * day (or who have none on file), by visit id. Null for a role without `passports.read`: the
 * warnings reveal expiry dates.
 */
export async function passportWarnings(db: Executor, actor: Actor, visits: VisitRow[]): Promise<Map<string, PassportWarning[]> | null> {
  if (!can(actor.role as Role, 'passports.read')) return null;
  const trips = visits.filter((v) => v.direction === 'outgoing' && CHECKED_STATUSES.has(v.status));
  const out = new Map<string, PassportWarning[]>(visits.map((v) => [v.id, []]));
  if (trips.length === 0) return out;
  const travellers = await selectTravellers(
    db,
    trips.map((t) => t.id),
  );
  const expiries = await latestPassportExpiries(db, ids(travellers.map((t) => t.personId)));
  const byId = new Map(trips.map((t) => [t.id, t]));
  for (const t of travellers) {
    const trip = byId.get(t.visitId)!;
    const expiry = (t.personId && expiries.get(t.personId)) || null;
    const reason = passportReason(trip.endDate, expiry);
    if (reason) out.get(t.visitId)!.push({ participantId: t.id, personId: t.personId, expiry, reason });
  }
  return out;
}

/** The 6-month rule: a passport must stay valid until six months after the day of return. */
export function passportReason(endDate: string, expiry: string | null): PassportWarning['reason'] | null {
  if (!expiry) return 'no_passport';
  if (expiry < endDate) return 'expires_before_return';
  if (expiry < addMonths(endDate, 6)) return 'expires_within_6_months';
  return null;
}
