/**
 * Runs before any other module of the app (main.tsx imports it first): zod compiles object parsers
 * with `new Function()` where eval is allowed, and probes for it when a schema is made. The
 * Content-Security-Policy forbids eval, so the probe would be reported as a violation on every page.
 */
import { z } from 'zod';

z.config({ jitless: true });
