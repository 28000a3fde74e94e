import type { ProposalState } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';

const TONE: Record<ProposalState, string> = {
  OPEN: 'badge--warning',
  ACCEPTED: 'badge--success',
  DECLINED: 'badge--neutral',
  WITHDRAWN: 'badge--neutral',
};

export function ProposalStateBadge({ state }: { state: ProposalState }) {
  const { t } = useTranslation();
  return <span className={`badge ${TONE[state]}`}>{t(`proposalStates.${state}`)}</span>;
}
