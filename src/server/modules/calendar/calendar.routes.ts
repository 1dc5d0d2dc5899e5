import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema } from '../../../contracts/common/paging.js';
import {
  CalendarQuerySchema,
  CalendarSchema,
  ConflictsQuerySchema,
  CreatedFeedSchema,
  FeedCreateSchema,
  FeedListSchema,
  FeedTokenParamsSchema,
  VisitConflictsSchema,
  VisitIcsQuerySchema,
} from '../../../contracts/calendar.js';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/actor.js';
import { publicOrigin } from '../../platform/public-url.js';
import { hitRateLimit } from '../../platform/rate-limit.js';
import { createFeed, feedIcs, listFeeds, revokeFeed, visitIcs } from './calendar.feeds.js';
import { calendar, visitConflicts } from './calendar.service.js';

const ICS = 'text/calendar; charset=utf-8';

export const calendarRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['calendar'];
  const { db, config } = ctx;
  /** Where feed URLs and event links point: LEGATO_PUBLIC_URL, else how the caller reached the server. */
  const originOf = (req: FastifyRequest) => publicOrigin(config, req);

  app.get('/api/calendar', {
    config: { access: 'calendar.read' },
    schema: { tags, summary: 'Visits, trips and programme items between two days, each with its conflicts', querystring: CalendarQuerySchema, response: { 200: CalendarSchema } },
    handler: (req) => calendar(db, config, actorOf(req), req.query),
  });

  app.get('/api/calendar/conflicts', {
    config: { access: 'calendar.read' },
    schema: { tags, summary: 'The entries of one visit or trip whose people are booked elsewhere at the same time (or without travel time)', querystring: ConflictsQuerySchema, response: { 200: VisitConflictsSchema } },
    handler: (req) => visitConflicts(db, config, actorOf(req), req.query.visitId),
  });

  app.get('/api/calendar/feeds', {
    config: { access: 'calendar.read' },
    schema: { tags, summary: 'Your live calendar feeds (their tokens are not shown again)', response: { 200: FeedListSchema } },
    handler: (req) => listFeeds(db, actorOf(req)),
  });

  app.post('/api/calendar/feeds', {
    config: { access: 'calendar.read' },
    schema: { tags, summary: 'Create a private iCalendar feed of your calendar or of one official: answers its URL once', body: FeedCreateSchema, response: { 201: CreatedFeedSchema } },
    handler: async (req, reply) => reply.code(201).send(await createFeed(db, actorOf(req), req.body, originOf(req))),
  });

  app.delete('/api/calendar/feeds/:id', {
    config: { access: 'calendar.read' },
    schema: { tags, summary: 'Revoke one of your feeds (revoking again changes nothing)', params: IdParamsSchema, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await revokeFeed(db, actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/public/calendar/:token.ics', {
    config: { access: 'public' },
    schema: { tags: ['public'], summary: 'A private calendar feed (iCalendar), 60 days back and a year ahead, as its owner sees it', params: FeedTokenParamsSchema },
    handler: async (req, reply) => {
      await hitRateLimit(db, `public:${req.ip}`, config.publicLimit, 60);
      // The token is in the URL: keep it out of caches, referrers and search engines.
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex, nofollow');
      const text = await feedIcs(db, config, req.params.token, originOf(req));
      return reply.header('content-type', ICS).header('content-disposition', 'inline; filename="legato.ics"').send(text);
    },
  });

  // A calendar concern of the visits module: one visit or trip as a file to import.
  app.get('/api/visits/:id/calendar.ics', {
    config: { access: 'visits.read' },
    schema: { tags: ['visits'], summary: 'One visit or trip with its programme as an iCalendar file', params: IdParamsSchema, querystring: VisitIcsQuerySchema },
    handler: async (req, reply) => {
      const file = await visitIcs(db, config, actorOf(req), req.params.id, req.query.lang ?? req.locale, originOf(req));
      return reply.header('content-type', ICS).header('content-disposition', `attachment; filename="${file.filename}"`).header('cache-control', 'private, no-store').send(file.text);
    },
  });
};
