import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toAppError, type AppError } from '../../../shared/graphql';
import { ErrorAlert, StatusMessage } from '../../../shared/ui';
import { VerifyOrganisationMutation } from '../operations';

interface VerifyControlProps {
  organisationId: string;
  organisationName: string;
  verified: boolean;
  /** In a list the button names its organisation for screen readers; on its own page it need not. */
  nameInLabel?: boolean;
  onChanged?: () => void;
}

/** A coordinator's toggle: whether the organisation is a verified member of the cluster. */
export function VerifyControl({
  organisationId,
  organisationName,
  verified,
  nameInLabel,
  onChanged,
}: VerifyControlProps) {
  const { t } = useTranslation();
  const [{ fetching }, verify] = useMutation(VerifyOrganisationMutation);
  const [error, setError] = useState<AppError | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const toggle = async () => {
    setError(null);
    setStatus(null);
    const result = await verify({ id: organisationId, verified: !verified });
    if (result.error) {
      setError(toAppError(result.error));
      return;
    }
    const nowVerified = result.data?.verifyOrganisation.verified ?? !verified;
    setStatus(
      nowVerified
        ? t('organisations.verify.done', { name: organisationName })
        : t('organisations.verify.undone', { name: organisationName }),
    );
    onChanged?.();
  };

  return (
    <div className="verify-control">
      <Button
        className={verified ? 'button button--secondary' : 'button button--primary'}
        isPending={fetching}
        onPress={() => void toggle()}
      >
        {verified ? t('organisations.verify.unverify') : t('organisations.verify.verify')}
        {nameInLabel ? <span className="visually-hidden">: {organisationName}</span> : null}
      </Button>
      <ErrorAlert error={error} />
      <StatusMessage>{status}</StatusMessage>
    </div>
  );
}
