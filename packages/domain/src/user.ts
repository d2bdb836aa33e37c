import { z } from 'zod';
import { roleSchema } from './access.js';
import { sideSchema } from './organisation.js';
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
