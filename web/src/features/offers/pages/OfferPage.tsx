import { municipalityName } from '@keskusvaraamo/shared';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { Hyphenated } from '../../../shared/hyphenation';
import { useFormatters, useLocale } from '../../../shared/i18n';
import { courseJsonLd } from '../../../shared/seo';
import { EmptyState, ErrorAlert, Loading, Page, TopicList } from '../../../shared/ui';
import { CourseGlance } from '../components/CourseGlance';
import { OfferStateBadge } from '../components/OfferStateBadge';
import { SessionList } from '../components/SessionList';
import { OfferQuery, type Offer } from '../operations';

// What only the course's own organisation sees (its forms, dialogs and leads) is loaded for it alone:
// a visitor's course page does without those chunks.
const AddSession = lazy(async () => ({ default: (await import('../components/AddSession')).AddSession }));
const OfferOwnerActions = lazy(async () => ({
  default: (await import('../components/OfferOwnerActions')).OfferOwnerActions,
}));
const OfferLeads = lazy(async () => ({ default: (await import('../../matching/components/OfferLeads')).OfferLeads }));

/** A course with its sessions, or a student pool; its organisation also manages it here. */
export function OfferPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OfferQuery, variables: { id } });
  const offer = data?.offer;
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const title = offer?.title ?? (data && !offer ? t('offers.details.notFound') : t('offers.details.title'));
  return (
    <Page
      title={title}
      heading={
        offer ? (
          <span lang={offer.language}>
            <Hyphenated text={offer.title} lang={offer.language} />
          </span>
        ) : undefined
      }
      meta={{
        description: offer?.description,
        type: offer ? 'article' : 'website',
        notFound: Boolean(data && !offer),
        structuredData: offer ? ({ locale, publicUrl }) => courseJsonLd(offer, locale, publicUrl) : null,
      }}
    >
      {error ? <ErrorAlert error={toAppError(error)} /> : null}
      {offer ? (
        <OfferContent offer={offer} onChanged={refresh} />
      ) : data ? (
        <p>
          {t('offers.details.notFoundHelp')} <Link to="/search">{t('search.backToSearch')}</Link>
        </p>
      ) : fetching ? (
        <Loading shape="detail" />
      ) : null}
    </Page>
  );
}

function OfferContent({ offer, onChanged }: { offer: Offer; onChanged: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  const place = [
    offer.municipalityCode ? municipalityName(offer.municipalityCode, locale) : null,
    offer.online ? t('offers.details.online') : null,
  ]
    .filter(Boolean)
    .join(' · ');

  const description = (
    <section className="card" aria-labelledby="offer-description-heading">
      <h2 id="offer-description-heading">{t('offers.details.descriptionHeading')}</h2>
      <p className="prewrap" lang={offer.language}>
        {offer.description}
      </p>
    </section>
  );
  const facts = (
    <section className="card" aria-labelledby="offer-facts-heading">
      <h2 id="offer-facts-heading">{t('offers.details.factsHeading')}</h2>
      <dl className="details">
        <div>
          <dt>{t('offers.details.place')}</dt>
          <dd>{place}</dd>
        </div>
        <div>
          <dt>{t('offers.fields.languages')}</dt>
          <dd>{offer.languages.map((l) => t(`languages.${l}`)).join(', ')}</dd>
        </div>
        {offer.kind === 'STUDENT_POOL' ? (
          <>
            {offer.studentCount !== null ? (
              <div>
                <dt>{t('offers.fields.studentCount')}</dt>
                <dd>{t('offers.details.students', { count: offer.studentCount })}</dd>
              </div>
            ) : null}
            {offer.periodStart && offer.periodEnd ? (
              <div>
                <dt>{t('offers.details.period')}</dt>
                <dd>{format.dayRange(offer.periodStart, offer.periodEnd)}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('offers.fields.placementKinds')}</dt>
              <dd>{offer.placementKinds.map((k) => t(`needKinds.${k}`)).join(', ')}</dd>
            </div>
            {offer.studyLevel ? (
              <div>
                <dt>{t('offers.fields.studyLevel')}</dt>
                <dd>{t(`studyLevels.${offer.studyLevel}`)}</dd>
              </div>
            ) : null}
            {offer.fieldOfStudy ? (
              <div>
                <dt>{t('offers.fields.fieldOfStudy')}</dt>
                <dd>{offer.fieldOfStudy}</dd>
              </div>
            ) : null}
          </>
        ) : null}
        <div className="details__wide">
          <dt>{t('offers.fields.topics')}</dt>
          <dd>
            <TopicList topics={offer.topics} />
          </dd>
        </div>
      </dl>
    </section>
  );

  return (
    <div className="detail stack">
      <p className="detail__meta">
        <span className="badge badge--info">{t(`offerKinds.${offer.kind}`)}</span>{' '}
        {offer.canEdit || offer.state !== 'PUBLISHED' ? <OfferStateBadge state={offer.state} /> : null}{' '}
        <Link to={`/organisations/${offer.organisation.id}`}>{offer.organisation.name}</Link>
      </p>
      {offer.kind === 'COURSE' ? <CourseGlance offer={offer} onBooked={onChanged} /> : null}
      {/* A student pool's facts (how many, when, for which placements) come first: they are what a
          company decides on; a course's are in its glance above. */}
      {offer.kind === 'STUDENT_POOL' ? (
        <>
          {facts}
          {description}
        </>
      ) : (
        <>
          {description}
          {facts}
        </>
      )}
      {offer.kind === 'COURSE' ? (
        <section className="section" aria-labelledby="offer-sessions-heading">
          <h2 id="offer-sessions-heading">{t('offers.details.sessionsHeading', { count: offer.sessions.length })}</h2>
          {offer.sessions.length > 0 ? (
            <SessionList
              sessions={offer.sessions}
              offer={{
                id: offer.id,
                title: offer.title,
                claimWindowHours: offer.claimWindowHours,
                published: offer.state === 'PUBLISHED',
              }}
              canEdit={offer.canEdit}
              onChanged={onChanged}
            />
          ) : (
            <div className="card">
              <EmptyState title={t('offers.details.noSessions')}>
                <p>{t(offer.canEdit ? 'offers.details.noSessionsOwner' : 'offers.details.noSessionsVisitor')}</p>
              </EmptyState>
            </div>
          )}
          {offer.canEdit && offer.state !== 'ARCHIVED' ? (
            <Suspense fallback={null}>
              <AddSession offer={offer} onAdded={onChanged} />
            </Suspense>
          ) : null}
        </section>
      ) : null}
      {offer.canEdit ? (
        <Suspense fallback={null}>
          <OfferLeads offer={offer} />
          <OfferOwnerActions offer={offer} />
        </Suspense>
      ) : null}
      <p>
        <Link to="/search">{t('search.backToSearch')}</Link>
      </p>
    </div>
  );
}
