import i18n from 'i18next';

/**
 * Translates a validation message key from a zod schema or the server ("validation.tooLong"),
 * falling back to a general message for a key this version of the app does not know.
 */
export function translateIssue(message: string | undefined, params?: Record<string, string | number>): string {
  if (message && message.startsWith('validation.') && i18n.exists(message)) {
    return i18n.t(message as 'validation.invalid', params ?? {});
  }
  return i18n.t('validation.invalid');
}
