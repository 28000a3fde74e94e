import type { ApplicationState } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';

const TONE: Record<ApplicationState, string> = {
  SUBMITTED: 'badge--info',
  SHORTLISTED: 'badge--info',
  OFFERED: 'badge--warning',
  ACCEPTED: 'badge--success',
  DECLINED: 'badge--neutral',
  REJECTED: 'badge--neutral',
  WITHDRAWN: 'badge--neutral',
};

export function ApplicationStateBadge({ state }: { state: ApplicationState }) {
  const { t } = useTranslation();
  return <span className={`badge ${TONE[state]}`}>{t(`applicationStates.${state}`)}</span>;
}
