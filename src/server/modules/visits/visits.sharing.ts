import { createHash, randomBytes } from 'node:crypto';
import { pickText } from '../../../contracts/common/multilingual.js';
import type { z } from 'zod';
import type { CreatedShareLink, PublicProgramme, ShareLink, ShareLinkCreateSchema } from '../../../contracts/visits.js';
import type { Db } from '../../db/client.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { buildContext, loadVisibleVisit, userRef, type DtoContext, type Office } from './visits.context.js';
import {
  insertShareLink,
  revokeShareLinkRow,
  selectActiveUser,
  selectLiveShareLink,
  selectProgramme,
  selectShareLink,
  selectVisit,
  type ShareLinkRow,
} from './visits.repository.js';

/**
 * Read-only links to a visit's programme for guests without an account. The token is shown
 * once; only its sha-256 is stored (as for sessions), so the database never holds a working
 * link. A revoked, expired or unknown token is "not found".
 */
export const SHARE_ENTITY = 'visit_share_link';
const MAX_DAYS = 366;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function shareLinkDto(r: ShareLinkRow, ctx: Pick<DtoContext, 'users'>, now = new Date()): ShareLink {
  return {
    id: r.id,
    visitId: r.visitId,
    language: r.language,
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    createdBy: userRef(ctx as DtoContext, r.createdBy),
    revokedAt: r.revokedAt?.toISOString() ?? null,
    active: !r.revokedAt && r.expiresAt > now,
  };
}

/** The web page guests open (it reads /api/public/programme/<token>). */
export const sharedProgrammePath = (token: string) => `/p/${token}`;

export async function createShareLink(
  db: Db,
  office: Office,
  actor: Actor,
  visitId: string,
  input: z.output<typeof ShareLinkCreateSchema>,
  origin: string,
): Promise<CreatedShareLink> {
  return db.transaction(async (tx) => {
    const visit = await loadVisibleVisit(tx, actor, visitId, true);
    const expiresAt = new Date(input.expiresAt);
    if (expiresAt.getTime() <= Date.now()) throw fieldError('expiresAt', 'not_in_future');
    const latest = new Date(Date.now() + MAX_DAYS * 86_400_000);
    if (expiresAt > latest) throw fieldError('expiresAt', 'too_big', { max: latest.toISOString().slice(0, 10) });
    const token = randomBytes(32).toString('base64url');
    const row = await insertShareLink(tx, { visitId: visit.id, tokenHash: hashToken(token), language: input.language, expiresAt, createdBy: actor.id });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: SHARE_ENTITY,
      entityId: row.id,
      parentId: visit.id,
      summary: `${pickText(visit.title, visit.title.original)} (${row.language}, ${row.expiresAt.toISOString().slice(0, 10)})`,
      after: { visitId: visit.id, language: row.language, expiresAt: row.expiresAt.toISOString() },
    });
    const ctx = await buildContext(tx, office, actor, [], { users: [actor.id] });
    const path = sharedProgrammePath(token);
    return { ...shareLinkDto(row, ctx), token, path, url: `${origin}${path}` };
  });
}

/** Revokes a link; revoking it again changes nothing. */
export async function revokeShareLink(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const link = await selectShareLink(tx, id);
    if (!link) throw new AppError('not_found');
    const visit = await loadVisibleVisit(tx, actor, link.visitId, true);
    const revoked = await revokeShareLinkRow(tx, id, actor.id);
    if (!revoked) return;
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: SHARE_ENTITY,
      entityId: id,
      parentId: visit.id,
      summary: `${pickText(visit.title, visit.title.original)} (${link.language})`,
      before: { visitId: visit.id, language: link.language, expiresAt: link.expiresAt.toISOString() },
    });
  });
}

/** The programme as the holder of a live link reads it: in the link's language, without internal notes. */
export async function publicProgramme(db: Db, token: string): Promise<PublicProgramme> {
  const link = await selectLiveShareLink(db, hashToken(token));
  const visit = link && (await selectVisit(db, link.visitId));
  if (!link || !visit) throw new AppError('not_found');
  const lang = link.language;
  const items = await selectProgramme(db, visit.id);
  const days = new Map<string, PublicProgramme['days'][number]>();
  for (const item of items) {
    const day = days.get(item.day) ?? { date: item.day, items: [] };
    day.items.push({ start: item.startTime, end: item.endTime, title: pickText(item.title, lang), place: item.place ? pickText(item.place, lang) || null : null });
    days.set(item.day, day);
  }
  const responsible = visit.responsibleId ? await selectActiveUser(db, visit.responsibleId) : undefined;
  return {
    language: lang,
    title: pickText(visit.title, lang),
    purpose: visit.purpose ? pickText(visit.purpose, lang) || null : null,
    startDate: visit.startDate,
    endDate: visit.endDate,
    timeZone: visit.timeZone,
    days: [...days.values()],
    contact: responsible || visit.contactPhone ? { name: responsible?.name ?? '', phone: visit.contactPhone } : null,
  };
}
