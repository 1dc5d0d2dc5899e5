import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditPageSchema } from '../../../contracts/audit.js';
import { IdParamsSchema, VersionSchema } from '../../../contracts/common/paging.js';
import {
  CreatedShareLinkSchema,
  MoveDaySchema,
  ParticipantsDocQuerySchema,
  ProgrammeDocQuerySchema,
  ProgrammeOrderSchema,
  PublicProgrammeSchema,
  ShareLinkCreateSchema,
  ShareTokenParamsSchema,
  VisitCreateSchema,
  VisitListQuerySchema,
  VisitPageSchema,
  VisitSchema,
  VisitUpdateSchema,
  WelcomeLetterQuerySchema,
  type DocLangCode,
} from '../../../contracts/visits.js';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/actor.js';
import { publicOrigin } from '../../platform/public-url.js';
import { hitRateLimit } from '../../platform/rate-limit.js';
import { VisitProgrammeSchema, arrangeDay, moveDay } from './visits.programme.js';
import {
  createVisit,
  deleteVisit,
  getVisit,
  listVisits,
  participantsDownload,
  programmeDownload,
  updateVisit,
  visitHistory,
  welcomeLetterDownload,
  type Download,
} from './visits.service.js';
import { createShareLink, publicProgramme, revokeShareLink } from './visits.sharing.js';

const VersionQuerySchema = z.object({ version: z.coerce.number().pipe(VersionSchema) });

function sendDownload(reply: FastifyReply, file: Download) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'private, no-store')
    .send(file.data);
}

export const visitsRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['visits'];
  const { db, config } = ctx;

  app.get('/api/visits', {
    config: { access: 'visits.read' },
    schema: { tags, summary: 'List visits and trips with filters, sorting and paging', querystring: VisitListQuerySchema, response: { 200: VisitPageSchema } },
    handler: (req) => listVisits(db, config, actorOf(req), req.query),
  });

  app.post('/api/visits', {
    config: { access: 'visits.write' },
    schema: { tags, summary: 'Create an incoming visit or an outgoing trip', body: VisitCreateSchema, response: { 201: VisitSchema } },
    handler: async (req, reply) => reply.code(201).send(await createVisit(db, config, actorOf(req), req.body)),
  });

  app.get('/api/visits/:id', {
    config: { access: 'visits.read' },
    schema: { tags, summary: 'One visit with its participants, programme, logistics, gifts, tickets, budget and share links', params: IdParamsSchema, response: { 200: VisitSchema } },
    handler: (req) => getVisit(db, config, actorOf(req), req.params.id),
  });

  app.patch('/api/visits/:id', {
    config: { access: 'visits.write' },
    schema: { tags, summary: 'Change a visit (send the version you last saw); answers passport warnings too', params: IdParamsSchema, body: VisitUpdateSchema, response: { 200: VisitSchema } },
    handler: (req) => updateVisit(db, config, actorOf(req), req.params.id, req.body),
  });

  app.delete('/api/visits/:id', {
    config: { access: 'visits.delete' },
    schema: { tags, summary: 'Delete a visit with everything in it', params: IdParamsSchema, querystring: VersionQuerySchema, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await deleteVisit(db, actorOf(req), req.params.id, req.query.version);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/visits/:id/history', {
    config: { access: 'visits.read' },
    schema: { tags, summary: 'Audit history of one visit, 50 entries a page: its fields, programme arrangements and the records inside it (participants, programme items, logistics, gifts, share links)', params: IdParamsSchema, querystring: z.object({ page: z.coerce.number().int().min(1).max(100000).default(1) }), response: { 200: AuditPageSchema } },
    handler: (req) => visitHistory(db, actorOf(req), req.params.id, req.query.page),
  });

  app.put('/api/visits/:id/programme/order', {
    config: { access: 'visits.write' },
    schema: { tags, summary: "Set the order and times of one day's items (drag and drop); checked against the visit's version", params: IdParamsSchema, body: ProgrammeOrderSchema, response: { 200: VisitProgrammeSchema } },
    handler: (req) => arrangeDay(db, config, actorOf(req), req.params.id, req.body),
  });

  app.post('/api/visits/:id/programme/move-day', {
    config: { access: 'visits.write' },
    schema: { tags, summary: 'Move a day of the programme; later days move by the same offset, and the visit’s dates with them', params: IdParamsSchema, body: MoveDaySchema, response: { 200: VisitProgrammeSchema } },
    handler: (req) => moveDay(db, config, actorOf(req), req.params.id, req.body),
  });

  app.post('/api/visits/:id/share-links', {
    config: { access: 'visits.write' },
    schema: { tags, summary: 'Share the programme read-only: answers the token once (only its hash is kept)', params: IdParamsSchema, body: ShareLinkCreateSchema, response: { 201: CreatedShareLinkSchema } },
    handler: async (req, reply) => reply.code(201).send(await createShareLink(db, config, actorOf(req), req.params.id, req.body, publicOrigin(config, req))),
  });

  app.delete('/api/visit-share-links/:id', {
    config: { access: 'visits.write' },
    schema: { tags, summary: 'Revoke a share link (revoking again changes nothing)', params: IdParamsSchema, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await revokeShareLink(db, actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/public/programme/:token', {
    config: { access: 'public' },
    schema: { tags: ['public'], summary: 'A shared programme, in the language of the link (no account needed)', params: ShareTokenParamsSchema, response: { 200: PublicProgrammeSchema } },
    handler: async (req, reply) => {
      await hitRateLimit(db, `public:${req.ip}`, config.publicLimit, 60);
      // The token is in the URL: keep it out of caches, referrers and search engines.
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex, nofollow');
      return publicProgramme(db, req.params.token);
    },
  });

  // Documents, rendered by visits.documents.ts.
  const langs = (lang: string) => lang.split(',') as DocLangCode[];
  for (const format of ['pdf', 'docx'] as const) {
    app.get(`/api/visits/:id/programme.${format}`, {
      config: { access: 'visits.read' },
      schema: { tags, summary: `The programme as ${format.toUpperCase()}, in one language or two side by side (lang=bg,ka)`, params: IdParamsSchema, querystring: ProgrammeDocQuerySchema },
      handler: async (req, reply) => sendDownload(reply, await programmeDownload(db, actorOf(req), req.params.id, format, langs(req.query.lang))),
    });
  }

  app.get('/api/visits/:id/participants.pdf', {
    config: { access: 'visits.read' },
    schema: { tags, summary: 'The list of participants as PDF', params: IdParamsSchema, querystring: ParticipantsDocQuerySchema },
    handler: async (req, reply) => sendDownload(reply, await participantsDownload(db, actorOf(req), req.params.id, req.query.lang)),
  });

  app.get('/api/visits/:id/welcome-letter.docx', {
    config: { access: 'visits.read' },
    schema: { tags, summary: 'A welcome letter to one participant, as DOCX', params: IdParamsSchema, querystring: WelcomeLetterQuerySchema },
    handler: async (req, reply) => sendDownload(reply, await welcomeLetterDownload(db, actorOf(req), req.params.id, req.query.lang, req.query.participantId)),
  });
};
