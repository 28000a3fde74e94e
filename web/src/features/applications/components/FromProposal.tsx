import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** An application made by a match has no letter: it says so, and leads to the proposal both sides accepted. */
export function FromProposal({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  return (
    <p className="muted">
      {t('applications.fromProposal')} <Link to={`/proposals/${proposalId}`}>{t('applications.openProposal')}</Link>
    </p>
  );
}
