import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, VersionSchema } from '../../../contracts/common/paging.js';
import {
  PassportCreateSchema,
  PassportListQuerySchema,
  PassportPageSchema,
  PassportSchema,
  PassportUpdateSchema,
} from '../../../contracts/passports.js';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/actor.js';
import { createPassport, deletePassport, getPassport, listPassports, updatePassport } from './passports.service.js';

export const passportsRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['passports'];
  const { db, config } = ctx;

  app.get('/api/passports', {
    config: { access: 'passports.read' },
    schema: { tags, summary: "Passports on file (a person's with personId; those expiring before a date)", querystring: PassportListQuerySchema, response: { 200: PassportPageSchema } },
    handler: (req) => listPassports(db, config, actorOf(req), req.query),
  });

  app.post('/api/passports', {
    config: { access: 'passports.write' },
    schema: { tags, summary: 'Add a passport of a directory person', body: PassportCreateSchema, response: { 201: PassportSchema } },
    handler: async (req, reply) => reply.code(201).send(await createPassport(db, config, actorOf(req), req.body)),
  });

  app.get('/api/passports/:id', {
    config: { access: 'passports.read' },
    schema: { tags, summary: 'One passport', params: IdParamsSchema, response: { 200: PassportSchema } },
    handler: (req) => getPassport(db, config, actorOf(req), req.params.id),
  });

  app.patch('/api/passports/:id', {
    config: { access: 'passports.write' },
    schema: { tags, summary: 'Change a passport (send the version you last saw)', params: IdParamsSchema, body: PassportUpdateSchema, response: { 200: PassportSchema } },
    handler: (req) => updatePassport(db, config, actorOf(req), req.params.id, req.body),
  });

  app.delete('/api/passports/:id', {
    config: { access: 'passports.write' },
    schema: { tags, summary: 'Delete a passport', params: IdParamsSchema, querystring: z.object({ version: z.coerce.number().pipe(VersionSchema) }), response: { 204: z.null() } },
    handler: async (req, reply) => {
      await deletePassport(db, actorOf(req), req.params.id, req.query.version);
      return reply.code(204).send(null);
    },
  });
};
