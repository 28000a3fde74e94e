import type { NeedState } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';

const TONE: Record<NeedState, string> = {
  DRAFT: 'badge--neutral',
  OPEN: 'badge--success',
  FILLED: 'badge--info',
  CLOSED: 'badge--neutral',
  EXPIRED: 'badge--warning',
};

export function NeedStateBadge({ state }: { state: NeedState }) {
  const { t } = useTranslation();
  return <span className={`badge ${TONE[state]}`}>{t(`needStates.${state}`)}</span>;
}
