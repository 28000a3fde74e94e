import { isErased } from '@keskusvaraamo/shared';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What an erased person's name or text (shared's ERASED_TEXT, or an anonymised e-mail address)
 * reads as: "Deleted user" for a person, "Removed" for a text such as a message or a letter.
 * Anything else is shown as it is.
 */
export function erasedOr(value: string, replacement: string): string {
  return isErased(value) ? replacement : value;
}

/** Shows erased names and texts translated, never as the raw marker. */
export function useErased() {
  const { t } = useTranslation();
  const name = useCallback(
    (value: string | null | undefined) =>
      erasedOr(value ?? '', t('privacy.erased.person')) || t('privacy.erased.person'),
    [t],
  );
  const text = useCallback((value: string) => erasedOr(value, t('privacy.erased.text')), [t]);
  return useMemo(() => ({ name, text }), [name, text]);
}
