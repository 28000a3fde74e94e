import { useTranslation } from 'react-i18next';

export function VerifiedBadge({ verified }: { verified: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={verified ? 'badge badge--success' : 'badge badge--neutral'}>
      {verified ? t('organisations.verified') : t('organisations.notVerified')}
    </span>
  );
}
