import { z } from 'zod';
import { roles } from './policy.js';

export * from './policy.js';

export const roleSchema = z.enum(roles);
