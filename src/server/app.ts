import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import type { AppContext } from './platform/context.js';
import { clientErrorHandler, errorHandler, sendProblem } from './platform/errors.js';
import { localFileStore } from './platform/files.js';
import { registerHttpGuards } from './platform/http.js';
import { authRoutes } from './platform/auth/auth.routes.js';
import { auditRoutes } from './platform/audit/audit.routes.js';
import { ensureConfiguredAdministrator } from './platform/auth/auth.service.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { organizationsRoutes } from './modules/organizations/organizations.routes.js';
import { peopleRoutes } from './modules/people/people.routes.js';
import { interactionsRoutes } from './modules/interactions/interactions.routes.js';
import { searchRoutes } from './modules/search/search.routes.js';
import { importsRoutes } from './modules/imports/imports.routes.js';
import { visitsRoutes } from './modules/visits/visits.routes.js';
import { visitRecordsRoutes } from './modules/visits/visits.records.routes.js';
import { passportsRoutes } from './modules/passports/passports.routes.js';
import { calendarRoutes } from './modules/calendar/calendar.routes.js';
import { seedDemo } from './demo/seed.js';
import { startJobs, type Jobs } from './platform/jobs.js';
import { backupRoutes } from './platform/backup/backup.routes.js';
import { claimDataDir } from './platform/backup/control.js';

export type App = FastifyInstance & { ctx: AppContext };

/** Builds the whole application; used by main.ts and by every test. */
export async function buildApp(config: Config, opts: { database?: Database; logger?: boolean } = {}): Promise<App> {
  // The process that opens the embedded database claims its directory (platform/backup/control.ts).
  const control = !opts.database && !config.databaseUrl ? await claimDataDir(config.dataDir, 'app') : null;
  let database: Database;
  try {
    database = opts.database ?? (await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dir: config.dbDir }));
  } catch (err) {
    await control?.release();
    throw err;
  }
  const ctx: AppContext = { config, database, db: database.db, files: localFileStore(config.filesDir) };

  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    clientErrorHandler,
    // A URL the router cannot decode (e.g. %ED%A0%80 in a path) gets the same problem+json.
    frameworkErrors: (error, req, reply) => errorHandler(error, req, reply),
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' }, // as frame-ancestors 'none', for browsers that predate CSP 2
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10, parts: 12 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Legato API',
        version: '0.1.0',
        description:
          'Sign in with POST /api/auth/login; send the session cookie it sets, and the csrfToken it returns as the X-CSRF-Token header on every state-changing request. Errors are RFC 9457 problem+json with a stable `code`. Each operation names the permission it needs in `x-permission`.',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // swagger-ui's own policy allows framing by the same origin and upgrades to https (which breaks
    // the page on a plain-http intranet): the API docs follow the app's policy on both.
    transformStaticCSP: (header) => header.replace("frame-ancestors 'self'", "frame-ancestors 'none'").replace(/\s*upgrade-insecure-requests;?/, ''),
  });

  registerHttpGuards(app, ctx);

  app.get('/api/health', {
    config: { access: 'public' },
    schema: { tags: ['platform'], summary: 'Liveness and database check (no session needed)', response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) } },
    handler: async () => {
      await database.query('SELECT 1');
      return { status: 'ok' as const, database: database.kind };
    },
  });
  app.get('/api/openapi.json', {
    config: { access: 'public' },
    schema: { hide: true },
    handler: async () => app.swagger(),
  });
  app.get('/api/config', {
    config: { access: 'public' },
    schema: { tags: ['platform'], summary: 'Public facts the web app needs before sign-in', response: { 200: z.object({ feedbackEmail: z.string(), database: z.string() }) } },
    handler: async () => ({ feedbackEmail: config.feedbackEmail, database: database.kind }),
  });

  await app.register(authRoutes(ctx));
  await app.register(usersRoutes(ctx));
  await app.register(auditRoutes(ctx));
  await app.register(organizationsRoutes(ctx));
  await app.register(peopleRoutes(ctx));
  await app.register(interactionsRoutes(ctx));
  await app.register(searchRoutes(ctx));
  await app.register(importsRoutes(ctx));
  await app.register(visitsRoutes(ctx));
  await app.register(visitRecordsRoutes(ctx));
  await app.register(passportsRoutes(ctx));
  await app.register(calendarRoutes(ctx));
  await app.register(backupRoutes(ctx, control?.token ?? null));

  const indexHtml = path.join(config.webDir, 'index.html');
  const hasWeb = fs.existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: config.webDir, prefix: '/', wildcard: false, index: false, maxAge: '1h' });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !hasWeb) return sendProblem(reply, 'not_found');
    // The web app routes on the client: every other GET gets its page.
    return reply.header('cache-control', 'no-cache').type('text/html').send(fs.createReadStream(indexHtml));
  });

  await ensureConfiguredAdministrator(ctx.db, config.admin);
  if (config.demo) await seedDemo(ctx);

  let jobs: Jobs | null = null;
  if (config.jobs) {
    app.addHook('onReady', async () => {
      jobs = await startJobs(ctx);
    });
  }
  if (control) app.addHook('onListen', async () => control.listening(app.server.address()));
  app.addHook('onClose', async () => {
    await jobs?.stop();
    if (!opts.database) await database.close();
    await control?.release();
  });
  return Object.assign(app, { ctx }) as unknown as App;
}
