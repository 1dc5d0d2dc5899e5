import type { ImportResult, ImportUpload } from '../../../contracts/imports';
import { IMPORT_FIELDS, IMPORT_TARGETS } from '../../../contracts/imports';
import { api } from '../../lib/api';

export type ImportTarget = (typeof IMPORT_TARGETS)[number];
export type Mapping = Record<string, string | null>;

/** Uploads the file: the target field goes first, then the file (the server reads them in order). */
export function uploadImport(target: ImportTarget, file: File) {
  const form = new FormData();
  form.append('target', target);
  form.append('file', file, file.name);
  return api.upload<ImportUpload>('/api/imports', form);
}

export const runImport = (id: string, mapping: Mapping, dryRun: boolean) => api.post<ImportResult>(`/api/imports/${id}/run`, { mapping, dryRun });

export const fieldsOf = (target: ImportTarget): readonly string[] => IMPORT_FIELDS[target];

/** Fields chosen for more than one column. */
export function repeatedFields(mapping: Mapping): string[] {
  const seen = new Map<string, number>();
  for (const field of Object.values(mapping)) if (field) seen.set(field, (seen.get(field) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([f]) => f);
}
