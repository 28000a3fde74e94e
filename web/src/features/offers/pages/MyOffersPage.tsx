import { municipalityName, OFFER_STATES, type OfferState } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { SelectField } from '../../../shared/forms';
import { useFormatters, useLocale } from '../../../shared/i18n';
import { CursorPagedList, CursorPageItems, EmptyState, Page, type CursorPage } from '../../../shared/ui';
import { OfferStateBadge } from '../components/OfferStateBadge';
import { MyOffersQuery } from '../operations';

const PAGE_SIZE = 20;

const readState = (value: string | null): OfferState | null =>
  (OFFER_STATES as readonly string[]).includes(value ?? '') ? (value as OfferState) : null;

/** The courses and student pools of the organisations the user belongs to. */
export function MyOffersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = readState(params.get('state'));

  return (
    <Page title={t('offers.mine.title')} lead={t('offers.mine.lead')}>
      <div className="toolbar">
        <Link className="button button--primary" to="/offers/new">
          {t('nav.publishCourse')}
        </Link>
        <Link className="button button--secondary" to="/offers/new?kind=STUDENT_POOL">
          {t('offers.mine.newPool')}
        </Link>
        <SelectField
          className="field toolbar__filter"
          label={t('offers.mine.stateFilter')}
          value={state ?? ''}
          onChange={(value) => setParams(value ? { state: value } : {})}
          options={[
            { id: '', label: t('offers.mine.allStates') },
            ...OFFER_STATES.map((s) => ({ id: s, label: t(`offerStates.${s}`) })),
          ]}
        />
      </div>
      <CursorPagedList
        resetKey={state ?? 'all'}
        countText={(count) => t('offers.mine.count', { count })}
        renderPage={(page) => <MyOffersPageItems state={state} page={page} />}
      />
    </Page>
  );
}

function MyOffersPageItems({ state, page }: { state: OfferState | null; page: CursorPage }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  const [result, reexecute] = useQuery({
    query: MyOffersQuery,
    variables: { state, first: PAGE_SIZE, after: page.after },
  });
  return (
    <CursorPageItems
      page={page}
      result={result}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      connection={result.data?.myOffers}
      empty={
        <li className="card">
          {state ? (
            <EmptyState title={t('offers.mine.emptyFiltered')} />
          ) : (
            <EmptyState
              title={t('offers.mine.empty')}
              action={
                <Link className="button button--primary" to="/offers/new">
                  {t('nav.publishCourse')}
                </Link>
              }
            >
              <p>{t('offers.mine.emptyHelp')}</p>
            </EmptyState>
          )}
        </li>
      }
      renderItem={(offer) => {
        const next = offer.sessions.find((s) => new Date(s.startsAt).getTime() > Date.now());
        return (
          <li key={offer.id} className="card">
            <h2 className="card__title">
              <Link to={`/offers/${offer.id}`}>{offer.title}</Link>
            </h2>
            <p className="card__meta">
              <OfferStateBadge state={offer.state} /> {t(`offerKinds.${offer.kind}`)} · {offer.organisation.name}
            </p>
            <p className="card__meta">
              {offer.municipalityCode ? municipalityName(offer.municipalityCode, locale) : ''}
              {offer.municipalityCode && offer.online ? ' · ' : ''}
              {offer.online ? t('offers.details.online') : ''}
              {offer.kind === 'COURSE'
                ? ` · ${t('offers.mine.sessions', { count: offer.sessions.length })}${
                    next ? ` · ${t('offers.mine.nextSession', { date: format.dateTime(next.startsAt) })}` : ''
                  }`
                : ''}
            </p>
            <p className="card__meta muted">{t('offers.mine.updated', { date: format.date(offer.updatedAt) })}</p>
          </li>
        );
      }}
    />
  );
}
