import { LOCALES, type Locale } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { useSaveAccountLocale } from '../../features/account';
import { SelectField } from '../../shared/forms';
import { changeLocale, isLocale, LOCALE_NAMES, useLocale } from '../../shared/i18n';

const OPTIONS = LOCALES.map((locale) => ({ id: locale, label: LOCALE_NAMES[locale], lang: locale }));

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
 * Each language is named in itself, so that a reader finds their own. The choice is remembered
 * in this browser and, for a signed-in user, saved to the account.
 */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const locale = useLocale();
  const saveAccountLocale = useSaveAccountLocale();

  const choose = async (next: Locale) => {
    await changeLocale(next);
    await saveAccountLocale(next);
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
