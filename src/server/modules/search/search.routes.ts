import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SearchQuerySchema, SearchResponseSchema } from '../../../contracts/search.js';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/actor.js';
import { search } from './search.service.js';

export const searchRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/search', {
    config: { access: 'search.use' },
    schema: { tags: ['search'], summary: 'Search everything: typo tolerant, across Cyrillic, Georgian and Latin', querystring: SearchQuerySchema, response: { 200: SearchResponseSchema } },
    handler: async (req) => ({ results: await search(ctx.db, actorOf(req), req.query.q, req.query.limit, req.locale) }),
  });
};
