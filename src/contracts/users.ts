import { z } from 'zod';
import { UiLocaleSchema } from './common/languages.js';
import { RoleSchema } from './common/roles.js';
import { RecordMetaShape, VersionSchema, pageOf, pageQuery } from './common/paging.js';
import { PASSWORD_MIN } from './auth.js';

export const UserSchema = z
  .object({
    ...RecordMetaShape,
    name: z.string(),
    email: z.string(),
    role: RoleSchema,
    locale: UiLocaleSchema,
    active: z.boolean(),
    lastLoginAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

export const UserCreateSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(200),
  role: RoleSchema,
  locale: UiLocaleSchema.default('bg'),
  password: z.string().min(PASSWORD_MIN).max(200),
});
export type UserCreate = z.infer<typeof UserCreateSchema>;

export const UserUpdateSchema = z.object({
  version: VersionSchema,
  name: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(200).optional(),
  role: RoleSchema.optional(),
  locale: UiLocaleSchema.optional(),
  active: z.boolean().optional(),
  password: z.string().min(PASSWORD_MIN).max(200).optional().describe('Set a new password (revokes the user\'s sessions)'),
});
export type UserUpdate = z.infer<typeof UserUpdateSchema>;

export const UserListQuerySchema = pageQuery(['name', 'email', 'role', 'lastLoginAt'] as const);
export const UserPageSchema = pageOf(UserSchema);

/** A colleague as the pickers show one: an active account's name and role, nothing more. */
export const ColleagueSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    role: RoleSchema,
  })
  .meta({ id: 'Colleague' });
export type Colleague = z.infer<typeof ColleagueSchema>;

export const ColleagueListSchema = z.object({ items: z.array(ColleagueSchema).describe('Active accounts, by name') }).meta({ id: 'ColleagueList' });
