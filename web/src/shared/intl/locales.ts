import type { Locale } from '@keskusvaraamo/shared';

/** BCP 47 tags for Intl: Finland's conventions, and British English's day-month order. */
export const INTL_LOCALES: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
