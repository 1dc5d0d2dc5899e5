import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UiLocale } from '../../../contracts/common/languages.js';
import { fieldMessage } from '../../../contracts/common/problems.js';
import { pickText } from '../../../contracts/common/multilingual.js';
import { searchFold } from '../../../contracts/common/transliteration.js';
import { IMPORT_FIELDS, type ImportResult, type ImportTargetSchema, type ImportUpload } from '../../../contracts/imports.js';
import { OrganizationCreateSchema } from '../../../contracts/organizations.js';
import { PersonCreateSchema } from '../../../contracts/people.js';
import type { Db, Executor } from '../../db/client.js';
import { auditLog } from '../../platform/audit/audit.table.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { AppError, issuesToFields } from '../../platform/errors.js';
import type { FileStore } from '../../platform/files.js';
import { visibleTo } from '../../platform/records.js';
import { readSpreadsheet } from '../../platform/spreadsheets.js';
import { insertOrganizations } from '../organizations/organizations.repository.js';
import { organizationValues } from '../organizations/organizations.service.js';
import { organizations } from '../organizations/organizations.table.js';
import { insertPeople } from '../people/people.repository.js';
import { personValues } from '../people/people.service.js';
import { people } from '../people/people.table.js';
import { organizationInput, personInput, suggestMapping } from './imports.mapping.js';
import { imports } from './imports.table.js';

type Target = z.infer<typeof ImportTargetSchema>;
const PREVIEW_ROWS = 10;

/**
 * The client's file name is only a label (the store keeps the file under a generated key): it
 * loses control characters and broken Unicode, which PostgreSQL would refuse, and is cut at 200.
 */
const displayName = (name: string) =>
  name
    .slice(0, 200)
    .replace(/[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .trim() || 'upload';

export async function uploadImport(
  db: Db,
  files: FileStore,
  actor: Actor,
  target: Target,
  fileName: string,
  data: Buffer,
): Promise<ImportUpload> {
  const table = await readSpreadsheet(data, fileName);
  if (table.columns.length === 0) throw new AppError('validation', { fields: [{ path: 'file', reason: 'required' }] });
  const ext = fileName.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
  const fileKey = await files.put(data, ext);
  const [row] = await db
    .insert(imports)
    .values({ target, fileName: displayName(fileName), fileKey, columns: table.columns, rowCount: table.rows.length, createdBy: actor.id })
    .returning();
  return {
    id: row.id,
    target,
    fileName: row.fileName,
    columns: table.columns,
    rowCount: table.rows.length,
    preview: table.rows.slice(0, PREVIEW_ROWS),
    suggestedMapping: suggestMapping(target, table.columns),
  };
}

/** Validates every row; with dryRun false, inserts all valid rows in one transaction. */
export async function runImport(
  db: Db,
  files: FileStore,
  actor: Actor,
  id: string,
  mapping: Record<string, string | null>,
  dryRun: boolean,
  locale: UiLocale,
): Promise<ImportResult> {
  const [job] = await db.select().from(imports).where(and(eq(imports.id, id), eq(imports.createdBy, actor.id))).limit(1);
  if (!job) throw new AppError('not_found');
  if (job.status === 'imported') throw new AppError('conflict', { detail: 'This file has already been imported.' });
  const target = job.target as Target;
  const allowed = new Set<string>(IMPORT_FIELDS[target]);
  const badColumns = Object.entries(mapping).filter(([col, field]) => !job.columns.includes(col) || (field !== null && !allowed.has(field)));
  if (badColumns.length) {
    throw new AppError('validation', { fields: badColumns.map(([col]) => ({ path: `mapping.${col}`, reason: 'invalid_choice' as const })) });
  }
  if (!Object.values(mapping).includes('name')) {
    throw new AppError('validation', { fields: [{ path: 'mapping', reason: 'required' }], detail: fieldMessage('required', locale) + ' (name)' });
  }
  // The stored key keeps the format found at upload; the file name is only a label (and may be cut).
  const table = await readSpreadsheet(await files.get(job.fileKey), job.fileKey);
  const mapped = table.rows.map((cells) => {
    const r: Record<string, string> = {};
    table.columns.forEach((col, i) => {
      const field = mapping[col];
      if (field && cells[i]) r[field] = cells[i];
    });
    return r;
  });

  const result: ImportResult = { dryRun, total: mapped.length, valid: 0, imported: 0, errors: [], duplicates: [] };
  const rowError = (row: number, fields: { field: string; message: string }[]) => result.errors.push({ row, fields });
  const toMessages = (error: z.ZodError) =>
    issuesToFields(error.issues).map((f) => ({ field: f.path, message: fieldMessage(f.reason, locale, f.params) }));

  return db.transaction(async (tx) => {
    if (target === 'organizations') {
      const valid: { row: number; values: ReturnType<typeof organizationValues> }[] = [];
      mapped.forEach((r, i) => {
        const parsed = OrganizationCreateSchema.safeParse(organizationInput(r));
        if (!parsed.success) return rowError(i + 2, toMessages(parsed.error));
        valid.push({ row: i + 2, values: organizationValues(parsed.data) });
      });
      result.valid = valid.length;
      const dupes = await existingNames(tx, actor, 'organizations', valid.map((v) => v.values.sortName));
      for (const v of valid) {
        const hit = dupes.get(v.values.sortName);
        if (hit) result.duplicates.push({ row: v.row, id: hit.id, label: hit.label });
      }
      if (!dryRun) {
        const ids: string[] = [];
        for (let i = 0; i < valid.length; i += 500) {
          const chunk = valid.slice(i, i + 500).map((v) => ({ ...v.values, ownerId: actor.id, createdBy: actor.id, updatedBy: actor.id }));
          ids.push(...(await insertOrganizations(tx, chunk)));
        }
        await auditCreated(tx, actor, 'organization', ids.map((id, i) => ({ id, summary: valid[i].values.sortName, after: valid[i].values })), job.fileName);
        result.imported = ids.length;
      }
    } else {
      const orgIds = await organizationIdsByName(tx, actor, mapped.map((r) => r.organization).filter((v): v is string => !!v));
      const valid: { row: number; values: ReturnType<typeof personValues> }[] = [];
      mapped.forEach((r, i) => {
        const orgId = r.organization ? orgIds.get(searchFold(r.organization)) ?? null : null;
        if (r.organization && !orgId) return rowError(i + 2, [{ field: 'organization', message: fieldMessage('not_found', locale) }]);
        const parsed = PersonCreateSchema.safeParse(personInput(r, orgId));
        if (!parsed.success) return rowError(i + 2, toMessages(parsed.error));
        valid.push({ row: i + 2, values: personValues(parsed.data) });
      });
      result.valid = valid.length;
      const dupes = await existingNames(tx, actor, 'people', valid.map((v) => v.values.sortName));
      for (const v of valid) {
        const hit = dupes.get(v.values.sortName);
        if (hit) result.duplicates.push({ row: v.row, id: hit.id, label: hit.label });
      }
      if (!dryRun) {
        const ids: string[] = [];
        for (let i = 0; i < valid.length; i += 500) {
          const chunk = valid.slice(i, i + 500).map((v) => ({ ...v.values, ownerId: actor.id, createdBy: actor.id, updatedBy: actor.id }));
          ids.push(...(await insertPeople(tx, chunk)));
        }
        await auditCreated(tx, actor, 'person', ids.map((id, i) => ({ id, summary: valid[i].values.name, after: valid[i].values })), job.fileName);
        result.imported = ids.length;
      }
    }
    if (!dryRun) await tx.update(imports).set({ status: 'imported', finishedAt: new Date() }).where(eq(imports.id, id));
    return result;
  });
}

/** Exact (folded) name matches already in the directory: likely duplicates of imported rows. */
async function existingNames(tx: Executor, actor: Actor, target: Target, names: string[]): Promise<Map<string, { id: string; label: string }>> {
  const unique = [...new Set(names)].filter(Boolean);
  if (unique.length === 0) return new Map();
  if (target === 'organizations') {
    const rows = await tx
      .select({ id: organizations.id, sortName: organizations.sortName, name: organizations.name })
      .from(organizations)
      .where(and(visibleTo(actor, organizations), inArray(organizations.sortName, unique)));
    return new Map(rows.map((r) => [r.sortName, { id: r.id, label: pickText(r.name, r.name.original) }]));
  }
  const rows = await tx
    .select({ id: people.id, sortName: people.sortName, name: people.name })
    .from(people)
    .where(and(visibleTo(actor, people), inArray(people.sortName, unique)));
  return new Map(rows.map((r) => [r.sortName, { id: r.id, label: r.name }]));
}

/**
 * Visible organisations by each of their names, folded (any language: "Община Ямбол",
 * "Obshtina Yambol" and "Yambol Municipality" all link); the display name wins a tie.
 */
async function organizationIdsByName(tx: Executor, actor: Actor, names: string[]): Promise<Map<string, string>> {
  const folded = [...new Set(names.map(searchFold))].filter(Boolean);
  const byName = new Map<string, string>();
  const byDisplayName = new Map<string, string>();
  for (let i = 0; i < folded.length; i += 1000) {
    // searchText holds every name folded (and the city, tags…): it narrows the rows, the names decide.
    const wanted = sql.join(folded.slice(i, i + 1000).map((f) => sql`${f}`), sql`, `);
    const rows = await tx
      .select({ id: organizations.id, sortName: organizations.sortName, name: organizations.name })
      .from(organizations)
      .where(and(visibleTo(actor, organizations), sql`string_to_array(${organizations.searchText}, ' | ') && ARRAY[${wanted}]::text[]`));
    for (const r of rows) {
      byDisplayName.set(r.sortName, r.id);
      for (const value of Object.values(r.name.values)) {
        const f = searchFold(value);
        if (f && !byName.has(f)) byName.set(f, r.id);
      }
    }
  }
  return new Map([...byName, ...byDisplayName]);
}

async function auditCreated(tx: Executor, actor: Actor, entityType: string, records: { id: string; summary: string; after: unknown }[], fileName: string) {
  for (let i = 0; i < records.length; i += 500) {
    await tx.insert(auditLog).values(
      records.slice(i, i + 500).map((r) => ({
        actorId: actor.id,
        actorName: actor.name,
        action: 'create',
        entityType,
        entityId: r.id,
        summary: `${r.summary} (import: ${fileName})`,
        after: r.after,
        requestId: actor.requestId ?? null,
      })),
    );
  }
  await tx.insert(auditLog).values({ actorId: actor.id, actorName: actor.name, action: 'import', entityType, summary: `${fileName}: ${records.length}`, requestId: actor.requestId ?? null });
}
