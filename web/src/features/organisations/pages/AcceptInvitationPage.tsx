import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { toAppError, type AppError } from '../../../shared/graphql';
import { useSession } from '../../../shared/session';
import { ErrorAlert, Loading, Page } from '../../../shared/ui';
import { withReturnTo } from '../../../shared/utils/returnTo';
import { AcceptInvitationMutation, InvitationPreviewQuery, type InvitationPreview } from '../operations';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const [{ data, fetching, error }] = useQuery({ query: InvitationPreviewQuery, variables: { token }, pause: !token });
  const invitation = data?.invitation;

  let content;
  if (!token || (data && !invitation)) content = <p className="alert alert--error">{t('invitation.notFound')}</p>;
  else if (error) content = <ErrorAlert error={toAppError(error)} />;
  else if (!invitation) content = fetching ? <Loading /> : null;
  else content = <InvitationDetails invitation={invitation} token={token} />;

  return (
    <Page title={t('invitation.title')} className="page--narrow">
      {content}
    </Page>
  );
}

function InvitationDetails({ invitation, token }: { invitation: InvitationPreview; token: string }) {
  const { t } = useTranslation();
  const { user, status } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [{ fetching }, accept] = useMutation(AcceptInvitationMutation);
  const [acceptError, setAcceptError] = useState<AppError | null>(null);
  const here = location.pathname + location.search;

  const onAccept = async () => {
    setAcceptError(null);
    const result = await accept({ token });
    if (result.error) setAcceptError(toAppError(result.error));
    else if (result.data) await navigate(`/organisations/${result.data.acceptInvitation.organisation.id}`);
  };

  const summary = (
    <p className="lead-text">
      {t('invitation.summary', {
        organisation: invitation.organisationName,
        role: t(`membershipRoles.${invitation.role}`),
      })}
    </p>
  );

  if (invitation.accepted)
    return (
      <div className="card">
        {summary}
        <p>{t('invitation.alreadyAccepted')}</p>
      </div>
    );
  if (invitation.expired)
    return (
      <div className="card">
        {summary}
        <p className="alert alert--error">{t('invitation.expired')}</p>
      </div>
    );

  if (status === 'loading') return <Loading />;
  if (!user) {
    return (
      <div className="card">
        {summary}
        <p>{t('invitation.signInFirst', { email: invitation.email })}</p>
        <div className="button-row">
          <Link className="button button--primary" to={withReturnTo('/sign-in', here)}>
            {t('invitation.signIn')}
          </Link>
          <Link className="button button--secondary" to={withReturnTo('/sign-up', here)}>
            {t('invitation.signUp')}
          </Link>
        </div>
      </div>
    );
  }

  const otherAddress = user.email.toLowerCase() !== invitation.email.toLowerCase();
  return (
    <div className="card">
      {summary}
      <p>{t('invitation.signedInAs', { email: user.email })}</p>
      {otherAddress ? (
        <p className="alert alert--warning">{t('invitation.otherAddress', { email: invitation.email })}</p>
      ) : null}
      <ErrorAlert error={acceptError} />
      <Button className="button button--primary" isPending={fetching} onPress={() => void onAccept()}>
        {t('invitation.accept')}
      </Button>
    </div>
  );
}
