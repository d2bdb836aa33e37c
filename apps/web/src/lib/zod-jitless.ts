import { config } from 'zod';

/**
 * The page's Content-Security-Policy forbids `eval`, so zod can never compile its parsers here;
 * but unless told so, it tries once when the first object schema is made, and the browser answers
 * that try with a CSP violation that cost 67 ms of the agreement page's load (a CPU profile, 7
 * December). Imported first by main.tsx, before any module that makes a schema.
 */
config({ jitless: true });
