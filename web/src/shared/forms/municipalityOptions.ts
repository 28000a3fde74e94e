import { MUNICIPALITIES, municipalityName } from '@keskusvaraamo/shared';
import { useMemo } from 'react';
import { INTL_LOCALES } from '../i18n/i18n';
import { useLocale } from '../i18n/useLocale';
import type { SelectOption } from './SelectField';

/**
 * Lapland's 21 municipalities in the reader's alphabetical order, named for the reader (with the
 * Sami name where there is one). With `emptyLabel`, a first option for "none".
 */
export function useMunicipalityOptions(emptyLabel?: string): SelectOption[] {
  const locale = useLocale();
  return useMemo(() => {
    const collator = new Intl.Collator(INTL_LOCALES[locale]);
    const named = MUNICIPALITIES.map((m) => ({ id: m.code, label: municipalityName(m.code, locale) }));
    named.sort((a, b) => collator.compare(a.label, b.label));
    return emptyLabel === undefined ? named : [{ id: '', label: emptyLabel }, ...named];
  }, [locale, emptyLabel]);
}
