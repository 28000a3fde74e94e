import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { ErrorAlert, Loading, Page } from '../../../shared/ui';
import { OfferForm } from '../components/OfferForm';
import { OfferQuery } from '../operations';

export function EditOfferPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: OfferQuery, variables: { id }, requestPolicy: 'network-only' });
  const offer = data?.offer;
  const editable = offer && offer.canEdit && offer.state !== 'ARCHIVED';
  return (
    <Page
      title={offer ? t('offers.edit.title', { title: offer.title }) : t('offers.edit.titleShort')}
      lead={offer?.kind === 'COURSE' ? t('offers.edit.sessionsElsewhere') : undefined}
      className="page--medium"
    >
      {error ? <ErrorAlert error={toAppError(error)} /> : null}
      {offer ? (
        editable ? (
          <OfferForm key={offer.id} offer={offer} organisations={[offer.organisation]} />
        ) : (
          <p>
            {t('offers.edit.notEditable')} <Link to={`/offers/${offer.id}`}>{t('offers.edit.backToOffer')}</Link>
          </p>
        )
      ) : data ? (
        <p>{t('offers.details.notFoundHelp')}</p>
      ) : fetching ? (
        <Loading shape="form" />
      ) : null}
    </Page>
  );
}
