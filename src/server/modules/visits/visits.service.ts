import type { z } from 'zod';
import { countryTimeZone, todayIn } from '../../../contracts/common/dates.js';
import { pickText } from '../../../contracts/common/multilingual.js';
import type { Page } from '../../../contracts/common/paging.js';
import { can, type Role } from '../../../contracts/common/permissions.js';
import { searchFold } from '../../../contracts/common/transliteration.js';
import type { AuditEntry } from '../../../contracts/audit.js';
import type { BudgetLine, Gift } from '../../../contracts/visits.logistics.js';
import {
  VisitCreateSchema,
  type Visit,
  type VisitCreate,
  type VisitListQuery,
  type VisitSummary,
  type VisitUpdate,
} from '../../../contracts/visits.js';
import type { Db, Executor } from '../../db/client.js';
import { listAudit, recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { versionConflict } from '../../platform/records.js';
import { loadVisible as loadVisibleOrganization } from '../organizations/organizations.service.js';
import { snapshot as childSnapshot, type ChildSpec } from './visits.children.js';
import {
  VISIT_ENTITY,
  buildContext,
  checkUser,
  loadVisibleVisit,
  participantName,
  userRef,
  visibleOrganization,
  visiblePerson,
  type ContextRefs,
  type DtoContext,
  type Office,
} from './visits.context.js';
import { giftSpec } from './visits.gifts.js';
import { accommodationSpec, budgetLineSpec, budgetTotals, participantSpec, taskSpec, ticketSpec, transportSpec } from './visits.logistics.js';
import { programmeSpec } from './visits.programme.js';
import {
  CHILD_ORDER,
  deleteVisitRow,
  insertVisit,
  programmeSpan,
  selectActiveUser,
  selectChild,
  selectChildren,
  selectProgramme,
  selectShareLinks,
  selectVisitForList,
  selectVisits,
  updateVisitRow,
  type ChildRow,
  type VisitListRow,
  type VisitRow,
  type VisitValues,
} from './visits.repository.js';
import { shareLinkDto } from './visits.sharing.js';
import {
  renderParticipantsPdf,
  renderProgrammeDocx,
  renderProgrammePdf,
  renderWelcomeLetterDocx,
  type DocLang,
  type ProgrammeDocument,
} from './visits.documents.js';
import type { StoredLeg, visitParticipants } from './visits.table.js';

type ParticipantRow = typeof visitParticipants.$inferSelect;

export const ENTITY = VISIT_ENTITY;
type Parsed = z.output<typeof VisitCreateSchema>;

export function visitLabel(row: Pick<VisitRow, 'title'>): string {
  return pickText(row.title, row.title.original);
}

function searchText(v: Pick<Parsed, 'title' | 'purpose' | 'city'>): string {
  const parts = [...Object.values(v.title.values), ...Object.values(v.purpose?.values ?? {}), v.city];
  return [...new Set(parts.filter(Boolean).map((p) => searchFold(String(p))))].join(' | ');
}

/** What the audit log keeps of a visit: the business fields, not search helpers. */
function snapshot(row: VisitRow) {
  const { sortTitle: _t, ...rest } = childSnapshot(row);
  return rest;
}

function inputOf(row: VisitRow): Record<string, unknown> {
  return {
    direction: row.direction,
    status: row.status,
    title: row.title,
    purpose: row.purpose,
    startDate: row.startDate,
    endDate: row.endDate,
    timeZone: row.timeZone,
    organizationId: row.organizationId,
    country: row.country,
    city: row.city,
    guestLanguages: row.guestLanguages,
    responsibleId: row.responsibleId,
    contactPhone: row.contactPhone,
    notes: row.notes,
    report: row.report,
    reportSubmitted: !!row.reportSubmittedAt,
    confidential: row.confidential,
  };
}

/** Checks links and fills in what the office decides (time zone, report time). */
async function visitColumns(tx: Executor, office: Office, actor: Actor, v: Parsed, before: VisitRow | null): Promise<Omit<VisitValues, 'ownerId' | 'createdBy' | 'updatedBy'>> {
  if (v.organizationId && v.organizationId !== before?.organizationId) {
    await loadVisibleOrganization(tx, actor, v.organizationId).catch(() => Promise.reject(fieldError('organizationId', 'not_found')));
  }
  if (v.responsibleId !== before?.responsibleId) await checkUser(tx, 'responsibleId', v.responsibleId);
  const timeZone = v.timeZone || (v.direction === 'outgoing' ? countryTimeZone(v.country) : office.timeZone);
  // A trip to a country with several zones names its zone.
  if (!timeZone) throw fieldError('timeZone', 'required');
  if (before && (v.startDate !== before.startDate || v.endDate !== before.endDate)) {
    const span = await programmeSpan(tx, before.id);
    if (span.first && span.first < v.startDate) throw fieldError('startDate', 'programme_outside');
    if (span.last && span.last > v.endDate) throw fieldError('endDate', 'programme_outside');
  }
  const purpose = v.purpose && Object.values(v.purpose.values).some((t) => t.trim()) ? v.purpose : null;
  return {
    direction: v.direction,
    status: v.status,
    title: v.title,
    purpose,
    startDate: v.startDate,
    endDate: v.endDate,
    timeZone,
    organizationId: v.organizationId ?? null,
    country: v.country ?? null,
    city: v.city || null,
    guestLanguages: [...new Set(v.guestLanguages)],
    responsibleId: v.responsibleId ?? null,
    contactPhone: v.contactPhone || null,
    notes: v.notes,
    report: v.report,
    reportSubmittedAt: v.reportSubmitted ? (before?.reportSubmittedAt ?? new Date()) : null,
    confidential: v.confidential,
    sortTitle: searchFold(pickText(v.title, v.title.original)),
    searchText: searchText(v),
  };
}

const visitRefs = (r: VisitRow): ContextRefs => ({ users: [r.updatedBy, r.ownerId, r.responsibleId], organizations: [r.organizationId] });

function summaryDto(r: VisitListRow, ctx: DtoContext): VisitSummary {
  const org = visibleOrganization(ctx, r.organizationId);
  return {
    id: r.id,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: userRef(ctx, r.updatedBy),
    direction: r.direction as VisitSummary['direction'],
    status: r.status as VisitSummary['status'],
    title: r.title,
    purpose: r.purpose ?? null,
    startDate: r.startDate,
    endDate: r.endDate,
    timeZone: r.timeZone,
    organization: org ? { id: org.id, name: org.name } : null,
    country: r.country,
    city: r.city,
    guestLanguages: r.guestLanguages,
    responsible: userRef(ctx, r.responsibleId),
    contactPhone: r.contactPhone,
    confidential: r.confidential,
    owner: userRef(ctx, r.ownerId),
    reportSubmittedAt: r.reportSubmittedAt?.toISOString() ?? null,
    participantCount: r.participantCount,
    openTaskCount: r.openTaskCount,
    overdueTaskCount: r.overdueTaskCount,
    passportWarnings: ctx.warningsByVisit ? (ctx.warningsByVisit.get(r.id) ?? []) : null,
    abilities: { update: can(ctx.actor.role as Role, 'visits.write'), delete: can(ctx.actor.role as Role, 'visits.delete') },
  };
}

export async function listVisits(db: Db, office: Office, actor: Actor, q: VisitListQuery & { page: number; pageSize: number }): Promise<Page<VisitSummary>> {
  const { rows, total } = await selectVisits(db, actor, q, todayIn(office.timeZone));
  const refs = rows.map(visitRefs);
  const ctx = await buildContext(db, office, actor, rows, { users: refs.flatMap((r) => r.users ?? []), organizations: refs.flatMap((r) => r.organizations ?? []) });
  return { items: rows.map((r) => summaryDto(r, ctx)), total, page: q.page, pageSize: q.pageSize };
}

type AnySpec = ChildSpec<ChildRow, unknown, unknown>;

/** The whole visit: its fields and every record inside it, in one answer. */
async function visitDetail(db: Executor, office: Office, actor: Actor, id: string): Promise<Visit> {
  const row = await selectVisitForList(db, id, todayIn(office.timeZone));
  if (!row) throw new AppError('not_found');
  const load = <R extends ChildRow>(spec: { table: AnySpec['table'] }, order: (typeof CHILD_ORDER)[keyof typeof CHILD_ORDER]) => selectChildren<R>(db, spec.table, [id], order);
  const [participants, programme, accommodations, transports, tasks, gifts, tickets, budgetLines, links] = await Promise.all([
    load(participantSpec, CHILD_ORDER.participants),
    load(programmeSpec, CHILD_ORDER.programme),
    load(accommodationSpec, CHILD_ORDER.accommodations),
    load(transportSpec, CHILD_ORDER.transports),
    load(taskSpec, CHILD_ORDER.tasks),
    load(giftSpec, CHILD_ORDER.gifts),
    load(ticketSpec, CHILD_ORDER.tickets),
    load(budgetLineSpec, CHILD_ORDER.budgetLines),
    selectShareLinks(db, id),
  ]);
  const groups: [AnySpec, ChildRow[]][] = [
    [participantSpec as unknown as AnySpec, participants],
    [programmeSpec as unknown as AnySpec, programme],
    [accommodationSpec as unknown as AnySpec, accommodations],
    [transportSpec as unknown as AnySpec, transports],
    [taskSpec as unknown as AnySpec, tasks],
    [giftSpec as unknown as AnySpec, gifts],
    [ticketSpec as unknown as AnySpec, tickets],
    [budgetLineSpec as unknown as AnySpec, budgetLines],
  ];
  const refs: ContextRefs[] = [visitRefs(row), { users: links.map((l) => l.createdBy) }];
  for (const [spec, rows] of groups) for (const r of rows) refs.push(spec.refs(r), { users: [r.updatedBy] });
  const ctx = await buildContext(db, office, actor, [row], {
    users: refs.flatMap((r) => r.users ?? []),
    people: refs.flatMap((r) => r.people ?? []),
    organizations: refs.flatMap((r) => r.organizations ?? []),
  });
  const map = <D>(spec: AnySpec, rows: ChildRow[]) => rows.map((r) => spec.dto(r, ctx) as D);
  const lines = map<BudgetLine>(groups[7][0], budgetLines);
  return {
    ...summaryDto(row, ctx),
    notes: row.notes,
    report: row.report,
    participants: map(groups[0][0], participants),
    programme: map(groups[1][0], programme),
    accommodations: map(groups[2][0], accommodations),
    transports: map(groups[3][0], transports),
    tasks: map(groups[4][0], tasks),
    gifts: map<Gift>(groups[5][0], gifts),
    tickets: map(groups[6][0], tickets),
    budgetLines: lines,
    budgetTotals: budgetTotals(lines),
    shareLinks: links.map((l) => shareLinkDto(l, ctx)),
  } as Visit;
}

export async function getVisit(db: Db, office: Office, actor: Actor, id: string): Promise<Visit> {
  await loadVisibleVisit(db, actor, id);
  return visitDetail(db, office, actor, id);
}

export async function createVisit(db: Db, office: Office, actor: Actor, input: VisitCreate): Promise<Visit> {
  const parsed = VisitCreateSchema.parse(input);
  return db.transaction(async (tx) => {
    const columns = await visitColumns(tx, office, actor, parsed, null);
    const row = await insertVisit(tx, { ...columns, ownerId: actor.id, createdBy: actor.id, updatedBy: actor.id });
    await recordAudit(tx, actor, { action: 'create', entityType: ENTITY, entityId: row.id, summary: visitLabel(row), after: snapshot(row) });
    return visitDetail(tx, office, actor, row.id);
  });
}

export async function updateVisit(db: Db, office: Office, actor: Actor, id: string, input: VisitUpdate): Promise<Visit> {
  return db.transaction(async (tx) => {
    const before = await loadVisibleVisit(tx, actor, id, true);
    const { version, ...changes } = input;
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const merged = { ...inputOf(before), ...defined };
    // A new destination brings its own zone, unless a zone was sent with it.
    const moved = (changes.country !== undefined && changes.country !== before.country) || (changes.direction !== undefined && changes.direction !== before.direction);
    if (moved && changes.timeZone === undefined) merged.timeZone = null;
    const parsed = VisitCreateSchema.parse(merged);
    if (before.version !== version) throw await versionConflict(tx, before);
    const row = await updateVisitRow(tx, id, version, { ...(await visitColumns(tx, office, actor, parsed, before)), updatedBy: actor.id });
    if (!row) throw await versionConflict(tx, before);
    await recordAudit(tx, actor, { action: 'update', entityType: ENTITY, entityId: id, summary: visitLabel(row), before: snapshot(before), after: snapshot(row) });
    return visitDetail(tx, office, actor, id);
  });
}

/** Deletes a visit with everything inside it (gift photos stay in the file store, as every file does). */
export async function deleteVisit(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await loadVisibleVisit(tx, actor, id, true);
    if (!(await deleteVisitRow(tx, id, version))) throw await versionConflict(tx, before);
    await recordAudit(tx, actor, { action: 'delete', entityType: ENTITY, entityId: id, summary: visitLabel(before), before: snapshot(before) });
  });
}

export async function visitHistory(db: Db, actor: Actor, id: string, page: number): Promise<Page<AuditEntry>> {
  await loadVisibleVisit(db, actor, id);
  return listAudit(db, { entityType: ENTITY, entityId: id, withChildren: true, page, pageSize: 50 });
}

// --- Documents (rendered by visits.documents.ts) --------------------------------------------

const formatLocal = (at: string) => `${at.slice(8, 10)}.${at.slice(5, 7)}.${at.slice(0, 4)} ${at.slice(11, 16)}`;

function legText(leg: StoredLeg | null): string | null {
  if (!leg) return null;
  const text = [leg.at ? formatLocal(leg.at) : '', `${leg.carrier} ${leg.number}`.trim(), leg.place].filter(Boolean).join(', ');
  return text || null;
}

const orNull = (s: string | null | undefined) => s?.trim() || null;

/**
 * Everything the programme documents print, loaded and ordered: days with their items, the
 * participants, the contact. Texts that are single strings in the document (positions,
 * organisations) are picked in `lang` (default: the visit title's language).
 */
export async function loadProgrammeDocument(db: Executor, actor: Actor, visitId: string, lang?: string): Promise<ProgrammeDocument> {
  const visit = await loadVisibleVisit(db, actor, visitId);
  const language = lang ?? visit.title.original;
  const [participants, items] = await Promise.all([
    selectChildren<ParticipantRow>(db, participantSpec.table, [visit.id], CHILD_ORDER.participants),
    selectProgramme(db, visit.id),
  ]);
  const ctx = await buildContext(db, visit, actor, [], {
    users: items.map((i) => i.responsibleId),
    people: participants.map((p) => p.personId),
    organizations: [visit.organizationId],
  });
  const names = new Map(participants.map((p) => [p.id, participantName(ctx, p)]));
  const days: ProgrammeDocument['days'] = [];
  for (const item of items) {
    if (days.at(-1)?.date !== item.day) days.push({ date: item.day, items: [] });
    const attendees = [item.attendeeIds.map((id) => names.get(id)).filter(Boolean).join(', '), item.attendeesText].filter(Boolean).join('; ');
    days.at(-1)!.items.push({
      start: item.startTime,
      end: item.endTime,
      title: item.title,
      place: item.place ?? null,
      notes: item.notes ?? null,
      attendees,
      responsible: userRef(ctx, item.responsibleId)?.name ?? null,
      transport: orNull(item.transport),
      dressCode: orNull(item.dressCode),
    });
  }
  const responsible = visit.responsibleId ? await selectActiveUser(db, visit.responsibleId) : undefined;
  return {
    direction: visit.direction as ProgrammeDocument['direction'],
    title: visit.title,
    purpose: visit.purpose ?? null,
    startDate: visit.startDate,
    endDate: visit.endDate,
    timeZone: visit.timeZone,
    sendingSide: (visibleOrganization(ctx, visit.organizationId)?.name as ProgrammeDocument['sendingSide']) ?? null,
    destination: visit.direction === 'outgoing' ? [visit.city, visit.country].filter(Boolean).join(', ') || null : null,
    days,
    participants: participants
      .map((p) => {
        const person = visiblePerson(ctx, p.personId);
        return {
          name: names.get(p.id) ?? '',
          nameLatin: orNull(p.nameLatin || person?.nameLatin),
          role: p.role as ProgrammeDocument['participants'][number]['role'],
          position: orNull(p.position || (person?.position ? pickText(person.position, language) : '')),
          organization: orNull(p.organization || (person?.organizationName ? pickText(person.organizationName, language) : '')),
          arrival: legText(p.arrival),
          departure: legText(p.departure),
        };
      })
      .filter((p) => p.name),
    contact: responsible || visit.contactPhone ? { name: responsible?.name ?? '', phone: visit.contactPhone, email: responsible?.email ?? null } : null,
  };
}

export type Download = { data: Buffer; contentType: string; filename: string };

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file name from the title, in plain Latin letters (it goes into a header). */
function fileName(kind: string, doc: ProgrammeDocument, langs: string[], ext: string): string {
  const slug = searchFold(pickText(doc.title, 'en')).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `${[kind, slug, doc.startDate, ...langs].filter(Boolean).join('-')}.${ext}`;
}

export async function programmeDownload(db: Db, actor: Actor, visitId: string, format: 'pdf' | 'docx', langs: DocLang[]): Promise<Download> {
  const doc = await loadProgrammeDocument(db, actor, visitId, langs[0]);
  const data = format === 'pdf' ? await renderProgrammePdf(doc, langs) : await renderProgrammeDocx(doc, langs);
  return { data, contentType: format === 'pdf' ? PDF : DOCX, filename: fileName('programme', doc, langs, format) };
}

export async function participantsDownload(db: Db, actor: Actor, visitId: string, lang: DocLang): Promise<Download> {
  const doc = await loadProgrammeDocument(db, actor, visitId, lang);
  return { data: await renderParticipantsPdf(doc, lang), contentType: PDF, filename: fileName('participants', doc, [lang], 'pdf') };
}

/** A welcome letter to one guest of the visit, with their form of address from the directory. */
export async function welcomeLetterDownload(db: Db, actor: Actor, visitId: string, lang: DocLang, participantId: string): Promise<Download> {
  const doc = await loadProgrammeDocument(db, actor, visitId, lang);
  const participant = await selectChild<ParticipantRow>(db, participantSpec.table, participantId);
  if (!participant || participant.visitId !== visitId) throw fieldError('participantId', 'not_found');
  const ctx = await buildContext(db, { timeZone: doc.timeZone }, actor, [], { people: [participant.personId] });
  const person = visiblePerson(ctx, participant.personId);
  const name = participantName(ctx, participant);
  if (!name) throw fieldError('participantId', 'not_found');
  const data = await renderWelcomeLetterDocx(doc, lang, { name, formOfAddress: person?.formOfAddress[lang] || null });
  return { data, contentType: DOCX, filename: fileName('welcome-letter', doc, [lang], 'docx') };
}
