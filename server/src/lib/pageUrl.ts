import { localizedPath, type Locale } from '@keskusvaraamo/shared';

/**
 * The absolute address of one of the web app's pages in `locale` (`/sv/…`, `/en/…`, Finnish at
 * the root): links in e-mails and calendar files open in their recipient's language.
 */
export function pageUrl(config: { publicUrl: string }, locale: Locale, path: string): string {
  return `${config.publicUrl}${localizedPath(locale, path)}`;
}
