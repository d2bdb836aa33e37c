import { z } from 'zod';
import { roleSchema } from './access.js';
import { organisationKindSchema, sideSchema } from './organisation.js';
import { fieldIssues } from './errors.js';
import { uuid } from './text.js';

export const locales = ['vi', 'en'] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;

export const sessionUserSchema = z.object({
  id: uuid,
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  organisation: z.object({ id: uuid, name: z.string(), side: sideSchema }),
  locale: localeSchema,
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionSchema = z.object({ user: sessionUserSchema, csrfToken: z.string() });

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  password: z.string().min(1).max(1024),
});
export type SignInInput = z.infer<typeof signInInput>;

/** A password a user chooses: at least 12 characters (a phrase is easier to remember than symbols), at most 1024. */
export const PASSWORD_MIN_LENGTH = 12;
export const newPassword = z.string().min(PASSWORD_MIN_LENGTH).max(1024);

export const passwordChangeInput = z
  .object({ currentPassword: z.string().min(1).max(1024), newPassword })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], message: fieldIssues.sameAsCurrent });
export type PasswordChangeInput = z.infer<typeof passwordChangeInput>;

/** The first administrator, made from the command line (`npm run admin:create`). */
export const adminCreateInput = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  displayName: z.string().trim().min(1).max(200),
  organisation: z.string().trim().min(1).max(300),
  kind: organisationKindSchema.default('province'),
  password: newPassword,
});
export type AdminCreateInput = z.input<typeof adminCreateInput>;

export const securityEventKinds = [
  'sign_in.succeeded',
  'sign_in.failed',
  'sign_in.throttled',
  'password.changed',
  'password.change_refused',
  'access.denied',
  'admin.action',
  'admin.created',
] as const;
export const securityEventKindSchema = z.enum(securityEventKinds);
export type SecurityEventKind = z.infer<typeof securityEventKindSchema>;

export const securityEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: securityEventKindSchema,
  userId: uuid.nullable(),
  email: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  /** What happened beyond the kind: the route and status of an action, the reason of a refusal. */
  details: z.record(z.string(), z.unknown()),
});
export type SecurityEvent = z.infer<typeof securityEventSchema>;

export const securityEventQuery = z.object({
  kind: securityEventKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().min(1).optional(),
});
