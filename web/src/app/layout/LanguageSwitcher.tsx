import { LOCALES, localizedPath, type Locale } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { useLocation, type Location } from 'react-router';
import { useSaveAccountLocale } from '../../features/account';
import { SelectField } from '../../shared/forms/SelectField';
import { isLocale, LOCALE_NAMES, useLocale } from '../../shared/i18n';

const OPTIONS = LOCALES.map((locale) => ({ id: locale, label: LOCALE_NAMES[locale], lang: locale }));

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

/**
 * Each language is named in itself, so that a reader finds their own. Choosing one opens the
 * same page in that language (its own address, rendered by the server); a signed-in user's
 * choice is also saved to the account, whose language the e-mails use.
 */
export function LanguageSwitcher({
  navigate = (url: string) => window.location.assign(url),
}: {
  navigate?: (url: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const location = useLocation();
  const saveAccountLocale = useSaveAccountLocale();

  const choose = async (next: Locale) => {
    await saveAccountLocale(next);
    navigate(languageSwitchTarget(next, location));
  };

  return (
    <SelectField
      className="language-switcher"
      label={
        <>
          <GlobeIcon /> {t('language.label')}
        </>
      }
      options={OPTIONS}
      value={locale}
      onChange={(value) => {
        if (isLocale(value) && value !== locale) void choose(value);
      }}
    />
  );
}
