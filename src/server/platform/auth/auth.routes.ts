import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChangePasswordBodySchema,
  LoginBodySchema,
  SessionSchema,
  SetupBodySchema,
  SetupStatusSchema,
  UpdateMeBodySchema,
} from '../../../contracts/auth.js';
import type { AppContext } from '../context.js';
import { actorOf } from '../actor.js';
import { currentUser } from '../http.js';
import { clearRateLimit, hitRateLimit } from '../rate-limit.js';
import { changePassword, createFirstAdministrator, login, needsSetup, toMe, updateMe } from './auth.service.js';
import { SESSION_COOKIE, createSession, deleteSession } from './sessions.js';

export const authRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['auth'];
  const setCookie = (reply: FastifyReply, value: string) =>
    reply.setCookie(SESSION_COOKIE, value, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.config.secureCookies,
      maxAge: Math.round(ctx.config.sessionHours * 3600),
    });
  /** What the web app needs to know of the installation besides the user. */
  const office = { timeZone: ctx.config.timeZone };

  app.get('/api/setup', {
    config: { access: 'public' },
    schema: { tags, summary: 'Whether the first administrator still has to be created', response: { 200: SetupStatusSchema } },
    handler: async () => ({ needsSetup: await needsSetup(ctx.db) }),
  });

  app.post('/api/setup', {
    config: { access: 'public' },
    schema: { tags, summary: 'Create the first administrator (only on an empty installation)', body: SetupBodySchema, response: { 201: SessionSchema } },
    handler: async (req, reply) => {
      await hitRateLimit(ctx.db, `setup:${req.ip}`, ctx.config.loginLimit, 60);
      const user = await createFirstAdministrator(ctx.db, req.body);
      const session = await createSession(ctx.db, user.id, ctx.config.sessionHours, { userAgent: req.headers['user-agent'], ip: req.ip });
      setCookie(reply, session.cookie);
      return reply.code(201).send({ user: toMe(user), csrfToken: session.csrfToken, office });
    },
  });

  app.post('/api/auth/login', {
    config: { access: 'public' },
    schema: { tags, summary: 'Sign in; sets the httpOnly session cookie', body: LoginBodySchema, response: { 200: SessionSchema } },
    handler: async (req, reply) => {
      const key = `login:${req.ip}:${req.body.email.toLowerCase()}`;
      await hitRateLimit(ctx.db, key, ctx.config.loginLimit, 60);
      await hitRateLimit(ctx.db, `login:${req.ip}`, ctx.config.loginLimit * 5, 60);
      const result = await login(ctx.db, req.body.email, req.body.password, ctx.config.sessionHours, {
        userAgent: req.headers['user-agent'],
        ip: req.ip,
      });
      await clearRateLimit(ctx.db, key);
      setCookie(reply, result.cookie);
      return { user: toMe(result.user), csrfToken: result.csrfToken, office };
    },
  });

  app.post('/api/auth/logout', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Sign out (ends this session)', response: { 204: z.null() } },
    handler: async (req, reply) => {
      if (req.auth) await deleteSession(ctx.db, req.auth.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  });

  app.get('/api/auth/session', {
    config: { access: 'authenticated' },
    schema: { tags, summary: "The signed-in user, their permissions, the CSRF token and the office's settings (time zone)", response: { 200: SessionSchema } },
    handler: async (req) => ({ user: toMe(currentUser(req)), csrfToken: req.auth!.csrfToken, office }),
  });

  app.post('/api/auth/password', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Change your password (signs out your other sessions)', body: ChangePasswordBodySchema, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await hitRateLimit(ctx.db, `password:${req.auth!.user.id}`, ctx.config.loginLimit, 60);
      await changePassword(ctx.db, actorOf(req), req.auth!.id, req.body.currentPassword, req.body.newPassword);
      return reply.code(204).send(null);
    },
  });

  app.patch('/api/auth/me', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Change your own language or display name', body: UpdateMeBodySchema, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await updateMe(ctx.db, actorOf(req), req.body);
      return reply.code(204).send(null);
    },
  });
};
