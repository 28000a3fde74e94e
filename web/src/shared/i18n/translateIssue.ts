import type { i18n as I18n } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Translates a validation message key from a zod schema or the server ("validation.tooLong"),
 * falling back to a general message for a key this version of the app does not know.
 */
export function translateIssue(
  i18n: I18n,
  message: string | undefined,
  params?: Record<string, string | number>,
): string {
  if (message && message.startsWith('validation.') && i18n.exists(message)) {
    return i18n.t(message as 'validation.invalid', params ?? {});
  }
  return i18n.t('validation.invalid');
}

/** `translateIssue` in the page's language (its i18n instance). */
export function useTranslateIssue(): (message: string | undefined, params?: Record<string, string | number>) => string {
  const { i18n } = useTranslation();
  return useCallback((message, params) => translateIssue(i18n, message, params), [i18n]);
}
