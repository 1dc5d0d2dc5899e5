import { PERMISSIONS } from '../../contracts/common/permissions.js';
import type { App } from '../app.js';

/**
 * The API as the OpenAPI document describes it: the authorisation matrix and the fuzzer are
 * generated from it, so a route added tomorrow is tested tomorrow without touching them.
 */
export type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  default?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};

export type Parameter = { name: string; in: 'query' | 'path' | 'header' | 'cookie'; required?: boolean; schema: Schema };

export type Operation = {
  method: string;
  /** As in the document: /api/organizations/{id} */
  path: string;
  permission: string;
  parameters: Parameter[];
  body: Schema | null;
  /** The business module a record route belongs to (/api/<resource>/{id}…), or null. */
  resource: string | null;
  /** The path parameter that names the record: `id`, or the token of a public link (/api/public/…/{token}). */
  recordParam: string | null;
  label: string;
};

export type Document = { paths: Record<string, Record<string, Record<string, unknown>>>; components?: { schemas?: Record<string, Schema> } };

export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const KNOWN_ACCESS = new Set<string>([...Object.keys(PERMISSIONS), 'public', 'authenticated']);

/** /api/<resource>/{id}…; a public link names its kind too (public/programme, public/calendar): each needs its own token. */
const resourceOf = (path: string): string | null => {
  const parts = path.split('/');
  return parts[2] === 'public' ? `public/${parts[3]}` : (parts[2] ?? null);
};

export function operationsOf(doc: Document): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const content = (op.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)?.content;
      const params = (op.parameters as Parameter[] | undefined) ?? [];
      const hasRecord = params.some((p) => p.in === 'path');
      return {
        recordParam: params.find((p) => p.in === 'path')?.name ?? null,
        method: method.toUpperCase(),
        path,
        permission: String(op['x-permission']),
        parameters: params,
        body: content?.['application/json']?.schema ?? null,
        resource: hasRecord ? resourceOf(path) : null,
        label: `${method.toUpperCase()} ${path}`,
      };
    }),
  );
}

export function deref(doc: Document, schema: Schema): Schema {
  let s = schema;
  for (let i = 0; s.$ref && i < 20; i++) s = doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')] ?? {};
  if (s.allOf?.length) s = Object.assign({}, ...s.allOf.map((part) => deref(doc, part)));
  const branch = s.anyOf ?? s.oneOf;
  if (branch?.length) s = deref(doc, branch.find((b) => deref(doc, b).type !== 'null') ?? branch[0]);
  return s;
}

/** The JSON type a schema expects, as the fuzzer groups payloads. */
export function kindOf(schema: Schema): 'string' | 'number' | 'boolean' | 'array' | 'object' | 'record' | 'any' {
  if (schema.type === 'integer' || schema.type === 'number') return 'number';
  if (schema.type === 'string' || schema.type === 'boolean' || schema.type === 'array') return schema.type;
  if (schema.type === 'object' || schema.properties) return schema.properties ? 'object' : 'record';
  return 'any';
}

/** Chooses ids and numbers for a sample request: the rest follows from the schema. */
export type SampleChoices = {
  uuid: (name: string) => string;
  number: (name: string, schema: Schema) => number;
  /** Only required properties (a probe), or every property (a full, valid-looking body). */
  requiredOnly: boolean;
};

const STRING_CANDIDATES = ['Fuzz value long enough', 'Sample', 'en', 'BG', '+359 2 123 4567', 'x'];

function fits(value: string, s: Schema): boolean {
  if (s.minLength !== undefined && value.length < s.minLength) return false;
  if (s.maxLength !== undefined && value.length > s.maxLength) return false;
  return !s.pattern || new RegExp(s.pattern).test(value);
}

export function sampleString(s: Schema, name: string, choose: SampleChoices): string {
  if (s.enum?.length) return String(s.enum[0]);
  if (s.format === 'uuid') return choose.uuid(name);
  if (s.format === 'email') return 'fuzz@example.org';
  if (s.format === 'uri') return 'https://example.org/';
  if (s.format === 'date-time') return '2026-01-15T10:00:00.000Z';
  if (s.format === 'date') return '2026-01-15';
  return STRING_CANDIDATES.find((c) => fits(c, s)) ?? 'x'.repeat(Math.max(1, s.minLength ?? 1));
}

/** A value for a schema: every property when requiredOnly is false, else only the required ones. */
export function sample(doc: Document, schema: Schema, choose: SampleChoices, name = ''): unknown {
  const s = deref(doc, schema);
  switch (kindOf(s)) {
    case 'string':
      return sampleString(s, name, choose);
    case 'number':
      return choose.number(name, s);
    case 'boolean':
      return false;
    case 'array': {
      const n = choose.requiredOnly ? (s.minItems ?? 0) : Math.max(s.minItems ?? 0, s.maxItems === 0 ? 0 : 1);
      return Array.from({ length: n }, () => sample(doc, s.items ?? {}, choose, name));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        if (choose.requiredOnly && !s.required?.includes(key)) continue;
        out[key] = sample(doc, prop, choose, key);
      }
      return out;
    }
    case 'record': {
      if (choose.requiredOnly || typeof s.additionalProperties !== 'object') return {};
      // Records here are keyed by language (name.values, formOfAddress) or by column (mapping).
      return { en: sample(doc, s.additionalProperties, choose, name) };
    }
    default:
      return choose.requiredOnly ? undefined : 'x';
  }
}

/** The path values of a record route: its one path parameter set to the record's key. */
export const recordPath = (op: Operation, key: string): Record<string, string> => ({ [op.recordParam ?? 'id']: key });

/** The request a sample describes: path with ids filled in, and the query string. */
export function requestUrl(op: Operation, pathValues: Record<string, string>, query: Record<string, string | string[]>): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeParam(pathValues[name] ?? ''));
  const qs = Object.entries(query).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((one) => `${encodeParam(k)}=${encodeParam(one)}`));
  return qs.length ? `${path}?${qs.join('&')}` : path;
}

/** encodeURIComponent, except that a lone surrogate is sent as the bytes a broken encoder would send. */
export function encodeParam(value: string): string {
  let out = '';
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    out += c >= 0xd800 && c <= 0xdfff ? '%ED%A0%80' : encodeURIComponent(ch);
  }
  return out;
}

/**
 * Every route Fastify serves under /api/, read from its route tree: a route hidden from the
 * document (schema.hide) would otherwise escape the generated tests.
 */
export function servedApiRoutes(app: App): { method: string; path: string }[] {
  const out: { method: string; path: string }[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│ {3}| {4})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    stack.push(m[2]);
    const path = stack.join('');
    if (!m[3] || !path.startsWith('/api/')) continue;
    for (const method of m[3].split(', ')) {
      if (method !== 'HEAD') out.push({ method, path: path.replace(/:(\w+)/g, '{$1}') });
    }
  }
  return out;
}
