import { useState } from 'react';
import { Button, DialogTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { toAppError, type AppError } from '../../../shared/graphql';
import { ConfirmDialog, ErrorAlert, StatusMessage } from '../../../shared/ui';
import { noticeState } from '../../../shared/utils/notice';
import { CloseNeedMutation, DeleteNeedMutation, PublishNeedMutation, type Need } from '../operations';

/** What the poster (or a coordinator) can do with a need in its present state. */
export function NeedOwnerActions({ need }: { need: Need }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [{ fetching: publishing }, publishNeed] = useMutation(PublishNeedMutation);
  const [, closeNeed] = useMutation(CloseNeedMutation);
  const [, deleteNeed] = useMutation(DeleteNeedMutation);
  const [error, setError] = useState<AppError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const editable = need.state === 'DRAFT' || need.state === 'OPEN';

  const publish = async () => {
    setError(null);
    setStatus(null);
    const result = await publishNeed({ id: need.id });
    if (result.error) setError(toAppError(result.error));
    else setStatus(t('notices.needPublished'));
  };

  const close = async () => {
    setError(null);
    setStatus(null);
    const result = await closeNeed({ id: need.id });
    if (result.error) {
      setError(toAppError(result.error));
      return false;
    }
    setStatus(t('needs.actions.closed'));
    return true;
  };

  const remove = async () => {
    setError(null);
    const result = await deleteNeed({ id: need.id });
    if (result.error) {
      setError(toAppError(result.error));
      return false;
    }
    await navigate('/my/needs', { state: noticeState('needDeleted') });
    return true;
  };

  return (
    <section className="card owner-actions" aria-labelledby="owner-actions-heading">
      <h2 id="owner-actions-heading">{t('needs.actions.heading')}</h2>
      <p>{t(`needs.actions.help.${need.state}`)}</p>
      <div className="button-row">
        {editable ? (
          <Link className="button button--secondary" to={`/needs/${need.id}/edit`}>
            {t('needs.actions.edit')}
          </Link>
        ) : null}
        {need.state === 'DRAFT' ? (
          <Button className="button button--primary" isPending={publishing} onPress={() => void publish()}>
            {t('needs.actions.publish')}
          </Button>
        ) : null}
        {editable ? (
          <DialogTrigger>
            <Button className="button button--danger-outline">{t('needs.actions.close')}</Button>
            <ConfirmDialog
              title={t('needs.actions.closeTitle')}
              confirmLabel={t('needs.actions.close')}
              onConfirm={close}
            >
              <p>{t('needs.actions.closeBody')}</p>
            </ConfirmDialog>
          </DialogTrigger>
        ) : null}
        {need.state === 'DRAFT' ? (
          <DialogTrigger>
            <Button className="button button--danger-outline">{t('needs.actions.delete')}</Button>
            <ConfirmDialog
              title={t('needs.actions.deleteTitle')}
              confirmLabel={t('needs.actions.delete')}
              onConfirm={remove}
            >
              <p>{t('needs.actions.deleteBody')}</p>
            </ConfirmDialog>
          </DialogTrigger>
        ) : null}
      </div>
      <ErrorAlert error={error} />
      <StatusMessage>{status}</StatusMessage>
    </section>
  );
}
