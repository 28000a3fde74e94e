/**
 * Runs before any other module of the app (main.tsx imports it first, before start.tsx). zod compiles object parsers
 * with `new Function()` where eval is allowed, and probes for it when an object schema is made; the
 * Content-Security-Policy forbids eval, so the probe would be reported as a violation on every page
 * that makes one. zod 4 reads its settings from this global (what `z.config()` writes), so setting
 * it here needs no import of zod: the pages without a form do not load zod at all.
 */
const zodGlobal = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
zodGlobal.__zod_globalConfig = { ...zodGlobal.__zod_globalConfig, jitless: true };

export {};
