import path from 'node:path';
import { z } from 'zod';
import { isTimeZone } from '../contracts/common/dates.js';

/** The only reader of process.env. Parsed once, fails fast with a clear message. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional().describe('postgres://… — use PostgreSQL instead of the embedded database'),
  LEGATO_DATA_DIR: z.string().default('./data'),
  LEGATO_ADMIN_EMAIL: z.email().optional(),
  LEGATO_ADMIN_PASSWORD: z.string().min(10).optional(),
  LEGATO_ADMIN_NAME: z.string().default('Administrator'),
  LEGATO_DEMO: z
    .enum(['0', '1', 'true', 'false', ''])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  LEGATO_SESSION_HOURS: z.coerce.number().min(0.0001).max(24 * 90).default(12), // from 0.36 s, so a test can watch a session expire
  LEGATO_SECURE_COOKIES: z
    .enum(['0', '1', 'true', 'false', ''])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  LEGATO_LOGIN_LIMIT: z.coerce.number().int().min(1).default(10).describe('Login attempts per IP and minute'),
  LEGATO_WRITE_LIMIT: z.coerce.number().int().min(1).default(600).describe('State-changing requests per IP and minute'),
  LEGATO_PUBLIC_LIMIT: z.coerce.number().int().min(1).default(120).describe('Requests per IP and minute to public pages (shared programmes)'),
  LEGATO_PUBLIC_URL: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const origin = publicOrigin(v);
      if (!origin) ctx.addIssue({ code: 'custom', message: 'expected the address users open, as https://host[:port] (no path)' });
      return origin;
    })
    .describe('The address users and guests open (behind a TLS proxy): feed and share-link URLs start with it'),
  LEGATO_TIME_ZONE: z.string().default('Europe/Sofia').refine(isTimeZone, 'not a known IANA time zone').describe("The office's time zone"),
  LEGATO_TRAVEL_BUFFER_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(30).describe('Least time between two programme items at different places before the calendar flags a conflict'),
  LEGATO_MAX_UPLOAD_MB: z.coerce.number().min(0.1).max(1024).default(20),
  LEGATO_FEEDBACK_EMAIL: z.string().default('accessibility@example.org'),
  LEGATO_JOBS: z
    .enum(['0', '1', 'true', 'false', ''])
    .default('1')
    .transform((v) => v !== '0' && v !== 'false')
    .describe('Run background jobs (pg-boss) in this instance'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** `https://host[:port]` of a URL without a path, query or fragment (a trailing slash is fine); else null. */
function publicOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username || url.password) return null;
  return url.origin;
}

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  dbDir: string;
  filesDir: string;
  admin: { email: string; password: string; name: string } | null;
  demo: boolean;
  jobs: boolean;
  sessionHours: number;
  secureCookies: boolean;
  loginLimit: number;
  writeLimit: number;
  publicLimit: number;
  /** `https://host[:port]` users and guests open, when set; else absolute URLs follow the request. */
  publicUrl: string | null;
  /** The office's IANA time zone: incoming visits' default, and what "today" means. */
  timeZone: string;
  /** Least minutes between two items at different places before the calendar flags a conflict. */
  travelBufferMinutes: number;
  maxUploadBytes: number;
  feedbackEmail: string;
  logLevel: string;
  webDir: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv.slice(2)): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.LEGATO_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir,
    dbDir: path.join(dataDir, 'db'),
    filesDir: path.join(dataDir, 'files'),
    admin:
      e.LEGATO_ADMIN_EMAIL && e.LEGATO_ADMIN_PASSWORD
        ? { email: e.LEGATO_ADMIN_EMAIL, password: e.LEGATO_ADMIN_PASSWORD, name: e.LEGATO_ADMIN_NAME }
        : null,
    demo: e.LEGATO_DEMO || argv.includes('--demo'),
    jobs: e.LEGATO_JOBS,
    sessionHours: e.LEGATO_SESSION_HOURS,
    secureCookies: e.LEGATO_SECURE_COOKIES,
    loginLimit: e.LEGATO_LOGIN_LIMIT,
    writeLimit: e.LEGATO_WRITE_LIMIT,
    publicLimit: e.LEGATO_PUBLIC_LIMIT,
    publicUrl: e.LEGATO_PUBLIC_URL,
    timeZone: e.LEGATO_TIME_ZONE,
    travelBufferMinutes: e.LEGATO_TRAVEL_BUFFER_MINUTES,
    maxUploadBytes: Math.round(e.LEGATO_MAX_UPLOAD_MB * 1024 * 1024),
    feedbackEmail: e.LEGATO_FEEDBACK_EMAIL,
    logLevel: e.LOG_LEVEL,
    webDir: path.resolve('dist/web'),
  };
}
