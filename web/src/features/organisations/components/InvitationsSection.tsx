import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toAppError, type AppError } from '../../../shared/graphql';
import { useFormatters } from '../../../shared/i18n';
import { ErrorAlert, StatusMessage } from '../../../shared/ui';
import { RevokeInvitationMutation, type Invitation } from '../operations';

interface InvitationsSectionProps {
  invitations: Invitation[];
  canRevoke: boolean;
  onChanged: () => void;
}

export function InvitationsSection({ invitations, canRevoke, onChanged }: InvitationsSectionProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [{ fetching }, revoke] = useMutation(RevokeInvitationMutation);
  const [error, setError] = useState<AppError | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const revokeInvitation = async (invitation: Invitation) => {
    setError(null);
    setStatus(null);
    const result = await revoke({ id: invitation.id });
    if (result.error) {
      setError(toAppError(result.error));
      return;
    }
    setStatus(t('organisations.invitations.revoked', { email: invitation.email }));
    onChanged();
  };

  return (
    <section className="section" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">{t('organisations.invitations.heading')}</h2>
      <ErrorAlert error={error} />
      <StatusMessage>{status}</StatusMessage>
      {invitations.length === 0 ? (
        <p>{t('organisations.invitations.empty')}</p>
      ) : (
        <ul className="member-list">
          {invitations.map((invitation) => (
            <li key={invitation.id} className="member">
              <div className="member__who">
                <span className="member__name">{invitation.email}</span>
                <span className="muted">
                  {t('organisations.invitations.expires', { date: format.dateTime(invitation.expiresAt) })}
                </span>
              </div>
              <div className="member__meta">
                <span className="badge badge--info">{t(`membershipRoles.${invitation.role}`)}</span>
              </div>
              {canRevoke ? (
                <Button
                  className="button button--secondary"
                  isDisabled={fetching}
                  onPress={() => void revokeInvitation(invitation)}
                >
                  {t('organisations.invitations.revoke')}
                  <span className="visually-hidden">: {invitation.email}</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
