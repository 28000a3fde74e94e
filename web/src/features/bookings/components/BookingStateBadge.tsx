import type { BookingState } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';

const TONE: Record<BookingState, string> = {
  CONFIRMED: 'badge--success',
  WAITLISTED: 'badge--info',
  OFFERED: 'badge--warning',
  CANCELLED: 'badge--neutral',
};

export function BookingStateBadge({ state }: { state: BookingState }) {
  const { t } = useTranslation();
  return <span className={`badge ${TONE[state]}`}>{t(`bookingStates.${state}`)}</span>;
}
