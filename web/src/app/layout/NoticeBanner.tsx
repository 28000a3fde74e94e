import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { StatusMessage } from '../../shared/ui';
import { readNotice } from '../../shared/utils/notice';
import { useHydrated } from '../../shared/utils/useHydrated';

/**
 * Shows a one-off message handed over by the previous page (e.g. after signing out). The state
 * lives in the browser's history (a reload keeps it), which the server never sees: shown once
 * hydrated, so a server-rendered page hydrates as it was rendered.
 */
export function NoticeBanner() {
  const { t } = useTranslation();
  const location = useLocation();
  const hydrated = useHydrated();
  const notice = hydrated ? readNotice(location.state) : null;
  return <StatusMessage tone="info">{notice ? t(`notices.${notice}`) : null}</StatusMessage>;
}
