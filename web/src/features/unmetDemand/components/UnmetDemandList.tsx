import { NEED_KINDS, municipalityName, topicById, type NeedKind } from '@keskusvaraamo/shared';
import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { SelectField, type SelectOption } from '../../../shared/forms';
import { toAppError } from '../../../shared/graphql';
import { formatDate, INTL_LOCALES, useLocale } from '../../../shared/i18n';
import { useSession } from '../../../shared/session';
import { EmptyState, ErrorAlert, Loading } from '../../../shared/ui';
import { hasRole } from '../../../shared/utils/roles';
import { UNMET_DEMAND_MAX, UnmetDemandQuery, type UnmetDemand } from '../operations';
import { formatTimeAgo } from './relativeTime';

/** The municipality filter's key for needs that accept remote work or online courses only. */
const REMOTE = 'remote';

interface UnmetDemandListProps {
  /** How many rows to ask for, largest first: 1–100 (the server's bound), 100 when not given. */
  limit?: number;
  /** Each row's heading level: 3 (the default) under a page's or a section's h2, 2 right under an h1. */
  headingLevel?: 2 | 3;
  /** The moment "waiting since" counts to; now unless a test fixes it. */
  now?: Date;
}

interface Filters {
  kind: string;
  topic: string;
  place: string;
}

const NO_FILTERS: Filters = { kind: '', topic: '', place: '' };

const placeKey = (row: UnmetDemand) => row.municipalityCode ?? REMOTE;

/**
 * Topics and areas with open needs that nothing published answers, with the people and companies
 * waiting and a few of the needs: leads for educators, and part of the coordinator's report.
 * Filters by kind, topic and municipality on the rows loaded. Educators get a link to publish a
 * course (or present a student pool) on the row's topic.
 */
export function UnmetDemandList({ limit = UNMET_DEMAND_MAX, headingLevel = 3, now }: UnmetDemandListProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const bounded = Math.min(UNMET_DEMAND_MAX, Math.max(1, Math.trunc(limit)));
  const [{ data, fetching, error }] = useQuery({ query: UnmetDemandQuery, variables: { limit: bounded } });
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const rows = useMemo(() => data?.unmetDemand ?? null, [data]);
  const topicName = (id: string) => topicById(id)?.labels[locale] ?? id;

  const options = useMemo(() => {
    const collator = new Intl.Collator(INTL_LOCALES[locale]);
    const distinct = (keys: string[], name: (key: string) => string): SelectOption[] =>
      [...new Set(keys)].map((id) => ({ id, label: name(id) })).sort((a, b) => collator.compare(a.label, b.label));
    const list = rows ?? [];
    return {
      kinds: NEED_KINDS.filter((kind) => list.some((row) => row.kind === kind)),
      topics: distinct(
        list.map((row) => row.topic),
        (id) => topicById(id)?.labels[locale] ?? id,
      ),
      places: distinct(list.map(placeKey), (key) =>
        key === REMOTE ? t('unmetDemand.remote') : municipalityName(key, locale),
      ),
    };
  }, [rows, locale, t]);

  if (error) return <ErrorAlert error={toAppError(error)} />;
  if (!rows) return fetching ? <Loading shape="list" /> : null;
  if (rows.length === 0) {
    return (
      <div className="card">
        <EmptyState title={t('unmetDemand.empty')} />
      </div>
    );
  }

  const shown = rows.filter(
    (row) =>
      (!filters.kind || row.kind === filters.kind) &&
      (!filters.topic || row.topic === filters.topic) &&
      (!filters.place || placeKey(row) === filters.place),
  );
  const filtered = filters.kind !== '' || filters.topic !== '' || filters.place !== '';
  const set = (key: keyof Filters) => (value: string) => setFilters((current) => ({ ...current, [key]: value }));

  return (
    <div className="unmet-demand">
      <div className="toolbar" role="group" aria-label={t('unmetDemand.filters')}>
        <SelectField
          className="field toolbar__filter"
          label={t('unmetDemand.kind')}
          value={filters.kind}
          onChange={set('kind')}
          options={[
            { id: '', label: t('unmetDemand.allKinds') },
            ...options.kinds.map((kind) => ({ id: kind, label: t(`needKinds.${kind}`) })),
          ]}
        />
        <SelectField
          className="field toolbar__filter"
          label={t('unmetDemand.topic')}
          value={filters.topic}
          onChange={set('topic')}
          options={[{ id: '', label: t('unmetDemand.allTopics') }, ...options.topics]}
        />
        <SelectField
          className="field toolbar__filter"
          label={t('unmetDemand.municipality')}
          value={filters.place}
          onChange={set('place')}
          options={[{ id: '', label: t('unmetDemand.allMunicipalities') }, ...options.places]}
        />
        {filtered ? (
          <Button className="button button--secondary" onPress={() => setFilters(NO_FILTERS)}>
            {t('unmetDemand.clearFilters')}
          </Button>
        ) : null}
      </div>
      <p role="status" className="result-count">
        {filtered
          ? t('unmetDemand.countFiltered', { count: shown.length, total: rows.length })
          : t('unmetDemand.count', { count: rows.length })}
      </p>
      {shown.length === 0 ? (
        <div className="card">
          <EmptyState title={t('unmetDemand.emptyFiltered')} />
        </div>
      ) : (
        <ul className="card-list unmet-demand__list">
          {shown.map((row) => (
            <UnmetDemandItem
              key={`${row.kind}-${row.topic}-${placeKey(row)}`}
              row={row}
              title={
                row.municipalityCode === null
                  ? t('unmetDemand.rowTitleRemote', { topic: topicName(row.topic) })
                  : t('unmetDemand.rowTitle', {
                      topic: topicName(row.topic),
                      place: municipalityName(row.municipalityCode, locale),
                    })
              }
              headingLevel={headingLevel}
              now={now}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

interface ItemProps {
  row: UnmetDemand;
  title: string;
  headingLevel: 2 | 3;
  now: Date | undefined;
}

function UnmetDemandItem({ row, title, headingLevel, now }: ItemProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { user } = useSession();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Subheading = headingLevel === 2 ? 'h3' : 'h4';
  const id = `unmet-${row.kind}-${row.topic}-${placeKey(row)}`;
  const number = new Intl.NumberFormat(INTL_LOCALES[locale]);
  return (
    <li className="card unmet-demand__item" aria-labelledby={id}>
      <Heading id={id} className="card__title">
        {title}
      </Heading>
      <p className="card__meta">
        <span className="badge badge--info">{t(`needKinds.${row.kind}`)}</span>
      </p>
      <dl className="details details--compact unmet-demand__facts">
        <div>
          <dt>{t('unmetDemand.needs')}</dt>
          <dd>{number.format(row.needs)}</dd>
        </div>
        <div>
          <dt>{row.kind === 'COURSE' ? t('unmetDemand.people') : t('unmetDemand.positions')}</dt>
          <dd>{number.format(row.people)}</dd>
        </div>
        <div>
          <dt>{t('unmetDemand.companies')}</dt>
          <dd>{number.format(row.companies)}</dd>
        </div>
        <div>
          <dt>{t('unmetDemand.waitingSince')}</dt>
          <dd>
            <time dateTime={row.waitingSince}>{formatDate(row.waitingSince, locale)}</time> (
            {formatTimeAgo(row.waitingSince, now ?? new Date(), locale)})
          </dd>
        </div>
      </dl>
      {row.examples.length > 0 ? (
        <>
          <Subheading className="unmet-demand__examples-heading">{t('unmetDemand.examples')}</Subheading>
          <ul className="unmet-demand__examples">
            {row.examples.map((need) => (
              <li key={need.id}>
                <Link to={`/needs/${need.id}`}>{need.title}</Link>
                {need.organisation ? <span className="muted"> · {need.organisation.name}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {hasRole(user, 'EDUCATOR') ? <AnswerLink kind={row.kind} topic={row.topic} title={title} /> : null}
    </li>
  );
}

/** Where an educator answers a row: a new course for course needs, a student pool for placements. */
export function answerPath(kind: NeedKind, topic: string): string {
  const params = new URLSearchParams(kind === 'COURSE' ? { topic } : { kind: 'STUDENT_POOL', topic });
  return `/offers/new?${params.toString()}`;
}

function AnswerLink({ kind, topic, title }: { kind: NeedKind; topic: string; title: string }) {
  const { t } = useTranslation();
  return (
    <p className="button-row">
      <Link className="button button--primary" to={answerPath(kind, topic)}>
        {kind === 'COURSE' ? t('unmetDemand.createCourse') : t('unmetDemand.createPool')}
        <span className="visually-hidden">: {title}</span>
      </Link>
    </p>
  );
}
