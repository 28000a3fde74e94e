import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { Hyphenated } from '../../../shared/hyphenation';
import { useFormatters } from '../../../shared/i18n';
import { jobPostingJsonLd } from '../../../shared/seo';
import { ErrorAlert, Loading, Page } from '../../../shared/ui';
import { NeedApplications } from '../../applications';
import { NeedSuggestions } from '../../matching';
import { NeedFacts } from '../components/NeedFacts';
import { NeedOwnerActions } from '../components/NeedOwnerActions';
import { NeedStateBadge } from '../components/NeedStateBadge';
import { NeedQuery, type Need } from '../operations';

/** A need's public page; its poster also manages it here. */
export function NeedPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: NeedQuery, variables: { id } });
  const need = data?.need;
  // One Page for every state, so that the focused heading stays the same element while data arrives.
  const title = need?.title ?? (data && !need ? t('needs.details.notFound') : t('needs.details.title'));
  return (
    <Page
      title={title}
      heading={
        need ? (
          <span lang={need.language}>
            <Hyphenated text={need.title} lang={need.language} />
          </span>
        ) : undefined
      }
      meta={{
        description: need?.description,
        type: need ? 'article' : 'website',
        notFound: Boolean(data && !need),
        structuredData: need ? ({ locale, publicUrl }) => jobPostingJsonLd(need, locale, publicUrl) : null,
      }}
    >
      {error ? <ErrorAlert error={toAppError(error)} /> : null}
      {need ? (
        <NeedContent need={need} />
      ) : data ? (
        <p>
          {t('needs.details.notFoundHelp')} <Link to="/search">{t('search.backToSearch')}</Link>
        </p>
      ) : fetching ? (
        <Loading shape="detail" />
      ) : null}
    </Page>
  );
}

function NeedContent({ need }: { need: Need }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <div className="detail stack">
      <div className="detail__main stack">
        <p className="detail__meta">
          <span className="badge badge--info">{t(`needKinds.${need.kind}`)}</span> <NeedStateBadge state={need.state} />
          {need.organisation ? (
            <>
              {' '}
              <Link to={`/organisations/${need.organisation.id}`}>{need.organisation.name}</Link>
            </>
          ) : null}
        </p>
        {/* At a glance, then applying: a phone's first screen answers where, when, how many, the pay
            and the deadline, and holds the button, before the description. */}
        <section className="card need-glance" aria-labelledby="need-glance-heading">
          <h2 id="need-glance-heading" className="visually-hidden">
            {t('needs.details.glance')}
          </h2>
          <NeedFacts need={{ ...need, organisationName: need.organisation?.name ?? null }} glance />
        </section>
        <NeedApplications need={need} />
        <section className="card" aria-labelledby="need-description-heading">
          <h2 id="need-description-heading">{t('needs.details.descriptionHeading')}</h2>
          <p className="prewrap" lang={need.language}>
            {need.description}
          </p>
        </section>
        <section className="card" aria-labelledby="need-facts-heading">
          <h2 id="need-facts-heading">{t('needs.details.factsHeading')}</h2>
          <NeedFacts need={{ ...need, organisationName: need.organisation?.name ?? null }} />
          {need.publishedAt ? (
            <p className="muted">{t('needs.details.publishedOn', { date: format.date(need.publishedAt) })}</p>
          ) : null}
        </section>
        <NeedSuggestions need={need} />
      </div>
      {need.canEdit ? <NeedOwnerActions need={need} /> : null}
      <p>
        <Link to="/search">{t('search.backToSearch')}</Link>
      </p>
    </div>
  );
}
