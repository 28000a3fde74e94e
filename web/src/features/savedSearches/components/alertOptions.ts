import { SAVED_SEARCH_ALERTS, type SavedSearchAlert } from '@keskusvaraamo/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface AlertOption {
  id: SavedSearchAlert;
  label: string;
  /** One line on what the choice means. */
  description: string;
}

/** The four ways to hear of new results, in the UI language, each with what it means. */
export function useAlertOptions(): AlertOption[] {
  const { t } = useTranslation();
  return useMemo(
    () =>
      SAVED_SEARCH_ALERTS.map((alert) => ({
        id: alert,
        label: t(`savedSearches.alerts.${alert}`),
        description: t(`savedSearches.alertHelp.${alert}`),
      })),
    [t],
  );
}
