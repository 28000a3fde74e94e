import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../shared/session';
import { Page } from '../../../shared/ui';
import { AudienceList } from '../components/AudienceList';
import { HowItWorks } from '../components/HowItWorks';
import { LandingSearch } from '../components/LandingSearch';
import { LiveListings } from '../components/LiveListings';
import { ResultsBand } from '../components/ResultsBand';

/** The public front page: plainly what the competence booking centre offers, and to whom. */
export function LandingPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <Page
      title={t('landing.title')}
      lead={t('landing.lead')}
      documentTitle={`${t('app.name')} – ${t('app.subtitle')}`}
      className="landing"
    >
      <div className="hero-actions button-row">
        <Link className="button button--primary" to="/search">
          {t('landing.browse')}
        </Link>
        {user ? (
          <>
            <Link className="button button--secondary" to="/organisations">
              {t('landing.toOrganisations')}
            </Link>
            <Link className="button button--secondary" to="/account">
              {t('landing.toAccount')}
            </Link>
          </>
        ) : (
          // A visitor's actions, also until the session is known: as on the server-rendered page.
          <>
            <Link className="button button--secondary" to="/sign-up">
              {t('landing.signUp')}
            </Link>
            <Link className="button button--secondary" to="/sign-in">
              {t('landing.signIn')}
            </Link>
          </>
        )}
      </div>
      <LandingSearch />
      <LiveListings />
      <ResultsBand />
      <AudienceList />
      <HowItWorks />
      <section className="section card languages" aria-labelledby="languages-heading">
        <h2 id="languages-heading">{t('landing.languages.heading')}</h2>
        <p>{t('landing.languages.body')}</p>
      </section>
    </Page>
  );
}
