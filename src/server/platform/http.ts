import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { can, type Permission, type Role } from '../../contracts/common/permissions.js';
import { isUiLocale, localeFromAcceptLanguage, type UiLocale } from '../../contracts/common/languages.js';
import { AppError } from './errors.js';
import { SESSION_COOKIE, findSession, type SessionInfo, type SessionUser } from './auth/sessions.js';
import { hitRateLimit } from './rate-limit.js';
import { BACKUP_TOKEN_HEADER, tokenMatches } from './backup/control.js';
import type { AppContext } from './context.js';

/** What a route needs: a permission from the table, any signed-in user, or nobody. */
export type Access = Permission | 'authenticated' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** A local secret that grants this route too (the backup token of LEGATO_DATA_DIR/.control). */
    backupToken?: string | null;
  }
  interface FastifyRequest {
    locale: UiLocale;
    auth: SessionInfo | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The signed-in user of a request whose route required one. */
export function currentUser(req: FastifyRequest): SessionUser & { role: Role } {
  if (!req.auth) throw new AppError('unauthenticated');
  return req.auth.user as SessionUser & { role: Role };
}

export function registerHttpGuards(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('locale', 'en');
  app.decorateRequest('auth', null);

  // Every API route must say who may call it; the permission is published in the OpenAPI document.
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access`);
    route.schema = { ...(route.schema ?? {}), ['x-permission' as string]: access } as RouteOptions['schema'];
  });

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const queryLang = (req.query as Record<string, unknown> | undefined)?.lang;
    const headerLocale = req.headers['x-legato-locale'];
    req.locale = isUiLocale(headerLocale) ? headerLocale : localeFromAcceptLanguage(req.headers['accept-language']);

    const access = req.routeOptions.config?.access;
    if (!access) return; // not an API route: static files, docs, 404

    const cookie = req.cookies?.[SESSION_COOKIE];
    if (cookie) {
      req.auth = await findSession(ctx.db, cookie, ctx.config.sessionHours);
      if (req.auth && isUiLocale(req.auth.user.locale) && !isUiLocale(headerLocale)) req.locale = req.auth.user.locale;
    }
    if (isUiLocale(queryLang)) req.locale = queryLang;

    const writing = !SAFE_METHODS.has(req.method);
    if (writing) await hitRateLimit(ctx.db, `w:${req.ip}`, ctx.config.writeLimit, 60);
    if (access === 'public') return;
    const backupToken = req.routeOptions.config?.backupToken;
    if (backupToken && tokenMatches(req.headers[BACKUP_TOKEN_HEADER], backupToken)) return;
    if (!req.auth) throw new AppError('unauthenticated');
    if (access !== 'authenticated' && !can(req.auth.user.role as Role, access)) throw new AppError('forbidden');
    if (writing && req.headers['x-csrf-token'] !== req.auth.csrfToken) throw new AppError('csrf');
  });

  // PostgreSQL cannot store a NUL character in text or jsonb, and a lone UTF-16 surrogate would be
  // silently replaced on the way in: both are refused for every route, before its schema runs.
  app.addHook('preValidation', async (req: FastifyRequest) => {
    if (!req.routeOptions.config?.access) return;
    for (const [part, value] of [['', req.body], ['querystring', req.query], ['params', req.params]] as const) {
      const path = findUnstorableText(value);
      if (path !== null) throw new AppError('validation', { fields: [{ path: [part, path].filter(Boolean).join('.') || '(body)', reason: 'invalid_characters' }] });
    }
  });
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

/** The dotted path of the first string (value or key) in `input` that cannot be stored, or null. */
export function findUnstorableText(input: unknown): string | null {
  const stack: [unknown, string][] = [[input, '']]; // not recursive: a body may be nested 10 000 deep
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (unstorable(value)) return path;
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (unstorable(key)) return childPath;
        stack.push([child, childPath]);
      }
    }
  }
  return null;
}
