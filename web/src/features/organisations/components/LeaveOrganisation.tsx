import { useState } from 'react';
import { Button, DialogTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { toAppError, type AppError } from '../../../shared/graphql';
import { ConfirmDialog, ErrorAlert } from '../../../shared/ui';
import { noticeState } from '../../../shared/utils/notice';
import { RemoveMemberMutation } from '../operations';

interface LeaveOrganisationProps {
  organisationId: string;
  organisationName: string;
  userId: string;
}

export function LeaveOrganisation({ organisationId, organisationName, userId }: LeaveOrganisationProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [, removeMember] = useMutation(RemoveMemberMutation);
  const [error, setError] = useState<AppError | null>(null);

  const leave = async () => {
    setError(null);
    const result = await removeMember({ organisationId, userId });
    if (result.error) {
      // LAST_OWNER: the organisation would be left without an owner.
      setError(toAppError(result.error));
      return false;
    }
    await navigate('/organisations', { state: noticeState('leftOrganisation') });
    return true;
  };

  return (
    <section className="section" aria-labelledby="leave-heading">
      <h2 id="leave-heading">{t('organisations.leave.heading')}</h2>
      <p>{t('organisations.leave.help')}</p>
      <DialogTrigger onOpenChange={() => setError(null)}>
        <Button className="button button--danger-outline">{t('organisations.leave.button')}</Button>
        <ConfirmDialog
          title={t('organisations.leave.confirmTitle', { name: organisationName })}
          confirmLabel={t('organisations.leave.button')}
          onConfirm={leave}
          footer={<ErrorAlert error={error} />}
        >
          <p>{t('organisations.leave.confirmBody')}</p>
        </ConfirmDialog>
      </DialogTrigger>
    </section>
  );
}
