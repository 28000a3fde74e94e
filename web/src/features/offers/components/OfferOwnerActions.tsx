import { useState } from 'react';
import { Button, DialogTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { toAppError, type AppError } from '../../../shared/graphql';
import { ConfirmDialog, ErrorAlert, StatusMessage } from '../../../shared/ui';
import { ArchiveOfferMutation, PublishOfferMutation, type Offer } from '../operations';

/** Publishing, editing and archiving an offer, for its organisation's members and coordinators. */
export function OfferOwnerActions({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const [{ fetching: publishing }, publishOffer] = useMutation(PublishOfferMutation);
  const [, archiveOffer] = useMutation(ArchiveOfferMutation);
  const [error, setError] = useState<AppError | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const publish = async () => {
    setError(null);
    setStatus(null);
    const result = await publishOffer({ id: offer.id });
    if (result.error) setError(toAppError(result.error));
    else setStatus(t('notices.offerPublished'));
  };

  const archive = async () => {
    setError(null);
    setStatus(null);
    const result = await archiveOffer({ id: offer.id });
    if (result.error) {
      setError(toAppError(result.error));
      return false;
    }
    setStatus(t('offers.actions.archived'));
    return true;
  };

  const needsSession = offer.kind === 'COURSE' && offer.sessions.length === 0;
  return (
    <section className="card owner-actions" aria-labelledby="offer-actions-heading">
      <h2 id="offer-actions-heading">{t('offers.actions.heading')}</h2>
      <p>{t(`offers.actions.help.${offer.state}`)}</p>
      {offer.state === 'DRAFT' && needsSession ? (
        <p className="alert alert--info">{t('offers.actions.needsSession')}</p>
      ) : null}
      <div className="button-row">
        {offer.state !== 'ARCHIVED' ? (
          <Link className="button button--secondary" to={`/offers/${offer.id}/edit`}>
            {t('offers.actions.edit')}
          </Link>
        ) : null}
        {offer.state === 'DRAFT' ? (
          <Button
            className="button button--primary"
            isPending={publishing}
            isDisabled={needsSession}
            onPress={() => void publish()}
          >
            {t('offers.actions.publish')}
          </Button>
        ) : null}
        {offer.state !== 'ARCHIVED' ? (
          <DialogTrigger>
            <Button className="button button--danger-outline">{t('offers.actions.archive')}</Button>
            <ConfirmDialog
              title={t('offers.actions.archiveTitle')}
              confirmLabel={t('offers.actions.archive')}
              onConfirm={archive}
            >
              <p>{t('offers.actions.archiveBody')}</p>
            </ConfirmDialog>
          </DialogTrigger>
        ) : null}
      </div>
      <ErrorAlert error={error} />
      <StatusMessage>{status}</StatusMessage>
    </section>
  );
}
