import type { UserRole } from '@keskusvaraamo/shared';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../shared/session';
import { Page } from '../../../shared/ui';
import { AdminHome } from '../components/AdminHome';
import { CoordinatorHome } from '../components/CoordinatorHome';
import { EducatorHome } from '../components/EducatorHome';
import { EntrepreneurHome } from '../components/EntrepreneurHome';
import { ProposalsToAnswer } from '../components/ProposalsToAnswer';
import { StudentHome } from '../components/StudentHome';

/** Each role's part of the home, in the order a person with several roles sees them. */
const PARTS: { role: UserRole; Part: ComponentType; quickLinks: { to: string; label: string }[] }[] = [
  {
    role: 'ENTREPRENEUR',
    Part: EntrepreneurHome,
    quickLinks: [
      { to: '/needs/new', label: 'nav.postNeed' },
      { to: '/search?kind=COURSE', label: 'home.quick.findCourse' },
    ],
  },
  {
    role: 'STUDENT',
    Part: StudentHome,
    quickLinks: [
      { to: '/search?kind=INTERNSHIP&kind=SUMMER_JOB&kind=THESIS', label: 'home.quick.findPlacement' },
      { to: '/my/profile', label: 'nav.myProfile' },
    ],
  },
  {
    role: 'EDUCATOR',
    Part: EducatorHome,
    quickLinks: [
      { to: '/offers/new', label: 'nav.publishCourse' },
      { to: '/pools', label: 'nav.pools' },
    ],
  },
  { role: 'COORDINATOR', Part: CoordinatorHome, quickLinks: [{ to: '/reports', label: 'reports.navLink' }] },
  { role: 'ADMIN', Part: AdminHome, quickLinks: [{ to: '/admin/audit', label: 'admin.audit.nav' }] },
];

/** Roles that are a side of proposals (a need's company, a course's educator, a proposed student). */
const ANSWERS_PROPOSALS: UserRole[] = ['ENTREPRENEUR', 'STUDENT', 'EDUCATOR'];

/**
 * Where a person lands after signing in: what needs them now, per role, each with its one-step
 * action (accept, claim, verify) or a link to where it is done. A person with several roles sees
 * each role's part; proposals waiting for their answer are shown once, in the first part.
 */
export function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  if (!user) return null;
  const parts = PARTS.filter(({ role }) => user.roles.includes(role));
  const answering = parts.find(({ role }) => ANSWERS_PROPOSALS.includes(role))?.role;
  return (
    <Page
      title={t('home.title')}
      heading={t('home.greeting', { name: user.displayName })}
      lead={t('home.lead')}
      className="home"
    >
      {parts.map(({ role, Part, quickLinks }) => (
        <section key={role} className="home-part" aria-labelledby={`home-${role}`}>
          <h2 id={`home-${role}`} className="home-part__title">
            {t(`home.parts.${role}`)}
          </h2>
          <ul className="home-part__links">
            {quickLinks.map((link) => (
              <li key={link.to}>
                <Link className="button button--secondary" to={link.to}>
                  {t(link.label as 'nav.postNeed')}
                </Link>
              </li>
            ))}
          </ul>
          <div className="home-grid">
            {role === answering ? <ProposalsToAnswer /> : null}
            <Part />
          </div>
        </section>
      ))}
      {parts.length === 0 ? (
        <p>
          <Link to="/search">{t('home.quick.search')}</Link>
        </p>
      ) : null}
    </Page>
  );
}
