import type { z } from 'zod';
import type { Page } from '../../../contracts/common/paging.js';
import { searchFold } from '../../../contracts/common/transliteration.js';
import { GiftValuesSchema, type Gift, type GiftListQuery } from '../../../contracts/visits.logistics.js';
import type { Db } from '../../db/client.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { AppError } from '../../platform/errors.js';
import type { FileStore } from '../../platform/files.js';
import { versionConflict } from '../../platform/records.js';
import { childDtos, loadChild, snapshot, type ChildSpec } from './visits.children.js';
import { buildContext, userRef, visiblePerson, type Office } from './visits.context.js';
import { linkedPerson } from './visits.logistics.js';
import { selectGiftPage, selectVisitsByIds, setGiftPhoto, type GiftRow } from './visits.repository.js';
import { gifts } from './visits.table.js';

export const giftSpec: ChildSpec<GiftRow, z.output<typeof GiftValuesSchema>, Gift> = {
  entity: 'gift',
  table: gifts,
  values: GiftValuesSchema,
  inputOf: (r) => ({
    direction: r.direction,
    personId: r.personId,
    counterpart: r.counterpart,
    description: r.description,
    value: r.value === null ? null : Number(r.value),
    currency: r.currency,
    date: r.date,
    notes: r.notes,
  }),
  async columns(tx, actor, _visit, v, before) {
    if (v.personId && v.personId !== before?.personId) await linkedPerson(tx, actor, 'personId', v.personId);
    return {
      direction: v.direction,
      personId: v.personId ?? null,
      counterpart: v.counterpart,
      description: v.description,
      value: v.value ?? null,
      currency: v.currency ?? null,
      date: v.date ?? null,
      notes: v.notes,
      searchText: searchFold(`${v.description} ${v.counterpart}`),
    };
  },
  label: (r) => r.description.slice(0, 80),
  refs: (r) => ({ people: [r.personId] }),
  dto: (r, ctx) => {
    const visit = ctx.visits.get(r.visitId)!;
    const person = visiblePerson(ctx, r.personId);
    return {
      id: r.id,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      updatedBy: userRef(ctx, r.updatedBy),
      visitId: r.visitId,
      visit: { id: visit.id, title: visit.title, direction: visit.direction as 'incoming' | 'outgoing', startDate: visit.startDate },
      direction: r.direction as Gift['direction'],
      person: person ? { id: person.id, name: person.name } : null,
      counterpart: r.counterpart,
      description: r.description,
      value: r.value === null ? null : Number(r.value),
      currency: r.currency,
      date: r.date,
      notes: r.notes,
      photo: r.photoKey && r.photoType ? { type: r.photoType, size: r.photoSize ?? 0 } : null,
    };
  },
};

/** The gifts register: every gift of every visit and trip the actor may see. */
export async function listGifts(db: Db, office: Office, actor: Actor, q: GiftListQuery & { page: number; pageSize: number }): Promise<Page<Gift>> {
  const { rows, total } = await selectGiftPage(db, actor, q);
  const visits = await selectVisitsByIds(
    db,
    rows.map((r) => r.visitId),
  );
  const ctx = await buildContext(db, office, actor, [], { users: rows.map((r) => r.updatedBy), people: rows.map((r) => r.personId) });
  for (const v of visits) ctx.visits.set(v.id, v);
  return { items: rows.map((r) => giftSpec.dto(r, ctx)), total, page: q.page, pageSize: q.pageSize };
}

const PHOTO_TYPES: { type: string; ext: string; matches: (b: Buffer) => boolean }[] = [
  { type: 'image/jpeg', ext: 'jpg', matches: (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/png', ext: 'png', matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/webp', ext: 'webp', matches: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
];

/** The photo's type, from its content (never from the name or the declared type). */
export function sniffPhoto(data: Buffer): { type: string; ext: string } | null {
  return PHOTO_TYPES.find((p) => p.matches(data)) ?? null;
}

/** An uploaded photo as the route read it: the version the client last saw, and the bytes. */
export type PhotoUpload = { version: number; data: Buffer };

/**
 * Stores a photo of a gift. The gift must be visible before the upload is read (a hidden gift is
 * "not found", whatever was sent). The file goes to the store first, under a new key: files are
 * never changed or removed, which is what backups rely on; a refused change leaves it unreferenced.
 */
export async function putGiftPhoto(db: Db, files: FileStore, office: Office, actor: Actor, id: string, read: () => Promise<PhotoUpload>): Promise<Gift> {
  await loadChild(db, actor, giftSpec, id);
  const { version, data } = await read();
  const kind = sniffPhoto(data);
  if (!kind) throw new AppError('unsupported_media_type');
  const key = await files.put(data, kind.ext);
  return changePhoto(db, office, actor, id, version, { key, type: kind.type, size: data.length });
}

export async function removeGiftPhoto(db: Db, office: Office, actor: Actor, id: string, version: number): Promise<Gift> {
  return changePhoto(db, office, actor, id, version, null);
}

async function changePhoto(db: Db, office: Office, actor: Actor, id: string, version: number, photo: { key: string; type: string; size: number } | null): Promise<Gift> {
  return db.transaction(async (tx) => {
    const { row: before, visit } = await loadChild<GiftRow>(tx, actor, giftSpec, id, true);
    const row = await setGiftPhoto(tx, id, version, photo, actor.id);
    if (!row) throw await versionConflict(tx, before);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: giftSpec.entity,
      entityId: id,
      parentId: visit.id,
      summary: giftSpec.label(row),
      // The photo's type tells what changed; its storage key and size mean nothing to a reader.
      before: { photoType: before.photoType },
      after: { photoType: row.photoType },
    });
    const [dto] = await childDtos(tx, office, actor, giftSpec as ChildSpec<GiftRow, unknown, Gift>, visit, [row]);
    return dto;
  });
}

export async function getGiftPhoto(db: Db, files: FileStore, actor: Actor, id: string): Promise<{ data: Buffer; type: string; ext: string }> {
  const { row } = await loadChild<GiftRow>(db, actor, giftSpec, id);
  if (!row.photoKey || !row.photoType) throw new AppError('not_found');
  const ext = PHOTO_TYPES.find((p) => p.type === row.photoType)?.ext ?? 'bin';
  return { data: await files.get(row.photoKey), type: row.photoType, ext };
}
