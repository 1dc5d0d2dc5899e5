import type { Problem } from '../../contracts/common/problems.js';

/** An API error: the problem+json answer and its status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail || problem.title);
  }
  get code() {
    return this.problem.code;
  }
  /** Field errors keyed by dotted path, for forms. */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem.fields ?? []).map((f) => [f.path, f.message]));
  }
}

let csrfToken = '';
let locale = 'bg';
let onUnauthenticated: (() => void) | null = null;

export const apiState = {
  setCsrfToken(token: string) {
    csrfToken = token;
  },
  setLocale(value: string) {
    locale = value;
  },
  onUnauthenticated(handler: () => void) {
    onUnauthenticated = handler;
  },
};

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { 'x-legato-locale': locale, accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const res = await fetch(withQuery(path, query), { method, headers, body: payload, credentials: 'same-origin' });
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const problem: Problem =
      typeof data === 'object' && data && 'code' in data
        ? (data as Problem)
        : { type: 'about:blank', title: res.statusText, status: res.status, code: 'internal', detail: res.statusText };
    if (res.status === 401 && problem.code === 'unauthenticated') onUnauthenticated?.();
    throw new ApiError(res.status, problem);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown, query?: Query) => request<T>('POST', path, body ?? {}, query),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T = void>(path: string, query?: Query) => request<T>('DELETE', path, undefined, query),
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
};
