import { LOCALES, localizedPath, type Locale } from '@keskusvaraamo/shared';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, type Location } from 'react-router';
import { useSaveAccountLocale } from '../../features/account';
import { LOCALE_NAMES, useLocale } from '../../shared/i18n';

/**
 * The same page in `locale`: its address under that language's prefix, with the query string
 * and fragment kept. `location` is the router's, without the current language's basename.
 */
export function languageSwitchTarget(locale: Locale, location: Pick<Location, 'pathname' | 'search' | 'hash'>): string {
  return localizedPath(locale, `${location.pathname}${location.search}${location.hash}`);
}

function GlobeIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2" />
      <path
        d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      />
    </svg>
  );
}

/** A click the browser should handle itself: a new tab or window, a download. */
const opensElsewhere = (event: MouseEvent) =>
  event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;

/**
 * The three languages as links, each named in itself, so that a reader finds their own (as
 * Helsinki's and suomi.fi's headers do). A link is the same page at that language's address,
 * rendered by the server: it works before the app has loaded, opens in a new tab, and tells
 * search engines the page's other languages. A signed-in user's choice is also saved to the
 * account (whose language the e-mails use) before the page changes.
 */
export function LanguageSwitcher({
  navigate = (url: string) => window.location.assign(url),
}: {
  navigate?: (url: string) => void;
}) {
  const { t } = useTranslation();
  const current = useLocale();
  const location = useLocation();
  const saveAccountLocale = useSaveAccountLocale();

  const choose = async (locale: Locale, target: string) => {
    await saveAccountLocale(locale);
    navigate(target);
  };

  return (
    <nav className="language-switcher" aria-label={t('language.label')}>
      <GlobeIcon />
      <ul className="language-switcher__list">
        {LOCALES.map((locale) => {
          const target = languageSwitchTarget(locale, location);
          return (
            <li key={locale}>
              {locale === current ? (
                <a href={target} lang={locale} aria-current="true" className="language-switcher__link">
                  {LOCALE_NAMES[locale]}
                </a>
              ) : (
                <a
                  href={target}
                  lang={locale}
                  hrefLang={locale}
                  className="language-switcher__link"
                  onClick={(event) => {
                    if (opensElsewhere(event)) return;
                    event.preventDefault();
                    void choose(locale, target);
                  }}
                >
                  {LOCALE_NAMES[locale]}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
