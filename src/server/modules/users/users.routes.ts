import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '../../../contracts/common/paging.js';
import { ColleagueListSchema, UserCreateSchema, UserListQuerySchema, UserPageSchema, UserSchema, UserUpdateSchema } from '../../../contracts/users.js';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/actor.js';
import { getUser, insertUser, listColleagues, listUsers, updateUser } from './users.service.js';

export const usersRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['users'];
  app.get('/api/users', {
    config: { access: 'users.manage' },
    schema: { tags, summary: 'List user accounts', querystring: UserListQuerySchema, response: { 200: UserPageSchema } },
    handler: (req) => listUsers(ctx.db, req.query),
  });
  // A static path: Fastify matches it before /api/users/:id.
  app.get('/api/users/colleagues', {
    config: { access: 'colleagues.read' },
    schema: { tags, summary: 'Active colleagues (name and role) to choose who is responsible or assigned', response: { 200: ColleagueListSchema } },
    handler: () => listColleagues(ctx.db),
  });
  app.post('/api/users', {
    config: { access: 'users.manage' },
    schema: { tags, summary: 'Create a user account', body: UserCreateSchema, response: { 201: UserSchema } },
    handler: async (req, reply) => {
      const user = await ctx.db.transaction((tx) => insertUser(tx, actorOf(req), req.body));
      return reply.code(201).send(user);
    },
  });
  app.get('/api/users/:id', {
    config: { access: 'users.manage' },
    schema: { tags, summary: 'One user account', params: IdParamsSchema, response: { 200: UserSchema } },
    handler: (req) => getUser(ctx.db, req.params.id),
  });
  app.patch('/api/users/:id', {
    config: { access: 'users.manage' },
    schema: { tags, summary: 'Change a user account (role, active, password reset)', params: IdParamsSchema, body: UserUpdateSchema, response: { 200: UserSchema } },
    handler: (req) => updateUser(ctx.db, actorOf(req), req.params.id, req.body),
  });
};
