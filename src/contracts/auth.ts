import { z } from 'zod';
import { UiLocaleSchema } from './common/languages.js';
import { RoleSchema } from './common/roles.js';

export const PASSWORD_MIN = 10;

export const LoginBodySchema = z.object({
  email: z.email().max(200).describe('Account e-mail'),
  password: z.string().min(1).max(200),
});

export const SetupBodySchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(200),
  password: z.string().min(PASSWORD_MIN).max(200),
  locale: UiLocaleSchema.default('en'),
});

export const ChangePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(PASSWORD_MIN).max(200),
});

export const MeSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: RoleSchema,
    locale: UiLocaleSchema,
    permissions: z.array(z.string()).describe('What this user may do, for the UI to hide the rest'),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

export const OfficeSchema = z
  .object({
    timeZone: z.string().describe("The office's IANA time zone (LEGATO_TIME_ZONE): new visits' and the calendar's default"),
  })
  .meta({ id: 'Office' });
export type Office = z.infer<typeof OfficeSchema>;

export const SessionSchema = z
  .object({
    user: MeSchema,
    csrfToken: z.string().describe('Send as the X-CSRF-Token header with every state-changing request'),
    office: OfficeSchema,
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof SessionSchema>;

export const SetupStatusSchema = z.object({ needsSetup: z.boolean() });

export const UpdateMeBodySchema = z.object({
  locale: UiLocaleSchema.optional(),
  name: z.string().trim().min(1).max(200).optional(),
});
