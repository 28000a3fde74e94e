import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { StatusMessage } from '../../shared/ui';
import { readNotice } from '../../shared/utils/notice';

/** Shows a one-off message handed over by the previous page (e.g. after signing out). */
export function NoticeBanner() {
  const { t } = useTranslation();
  const location = useLocation();
  const notice = readNotice(location.state);
  return <StatusMessage tone="info">{notice ? t(`notices.${notice}`) : null}</StatusMessage>;
}
