import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../shared/i18n';
import { useSession } from '../../../shared/session';
import { Page } from '../../../shared/ui';
import { CalendarFeedSection } from '../../bookings';
import { YourDataSection } from '../../privacy';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { EmailSection } from '../components/EmailSection';
import { ProfileForm } from '../components/ProfileForm';
import { SessionSection } from '../components/SessionSection';

export function AccountPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const format = useFormatters();
  // The route is guarded, so a user is always here; the check satisfies the type.
  if (!user) return null;
  const roles = user.roles.map((role) => t(`roles.${role}`)).join(', ');
  return (
    <Page title={t('account.title')} lead={t('account.lead', { name: user.displayName })}>
      <div className="card summary">
        <dl className="details">
          <div>
            <dt>{t('account.roles')}</dt>
            <dd>{roles || t('account.noRoles')}</dd>
          </div>
          <div>
            <dt>{t('account.memberSince')}</dt>
            <dd>{format.date(user.createdAt)}</dd>
          </div>
        </dl>
        <p>
          <Link to="/organisations">{t('account.organisationsLink')}</Link>
        </p>
      </div>
      <div className="stack">
        <div className="card">
          <ProfileForm user={user} />
        </div>
        <div className="card">
          <EmailSection user={user} />
        </div>
        <div className="card">
          <ChangePasswordForm />
        </div>
        <section className="card" aria-labelledby="account-notifications-heading">
          <h2 id="account-notifications-heading">{t('account.notifications.heading')}</h2>
          <p>{t('account.notifications.help')}</p>
          <p>
            <Link to="/account/notifications">{t('account.notifications.settingsLink')}</Link> ·{' '}
            <Link to="/notifications">{t('account.notifications.listLink')}</Link>
          </p>
        </section>
        <div className="card">
          <CalendarFeedSection />
        </div>
        <div className="card">
          <SessionSection />
        </div>
        <YourDataSection />
      </div>
    </Page>
  );
}
