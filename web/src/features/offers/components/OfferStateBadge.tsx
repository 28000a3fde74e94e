import type { OfferState } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';

const TONE: Record<OfferState, string> = {
  DRAFT: 'badge--neutral',
  PUBLISHED: 'badge--success',
  ARCHIVED: 'badge--neutral',
};

export function OfferStateBadge({ state }: { state: OfferState }) {
  const { t } = useTranslation();
  return <span className={`badge ${TONE[state]}`}>{t(`offerStates.${state}`)}</span>;
}
