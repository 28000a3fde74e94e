import type { ApplicationState } from '@keskusvaraamo/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { toAppError, type AppError } from '../../../shared/graphql';
import { EmptyState, ErrorAlert, Loading, LoadMoreButton, Page, StatusMessage } from '../../../shared/ui';
import { ApplicantCard } from '../components/ApplicantCard';
import {
  ApplicantBoardNeedQuery,
  BOARD_COLUMNS,
  CLOSED_STATES,
  NeedApplicationsQuery,
  type Application,
} from '../operations';

/** The most the API gives at once; a need with more applicants loads the rest on request. */
const PAGE_SIZE = 100;

const isClosed = (state: ApplicationState) => (CLOSED_STATES as readonly ApplicationState[]).includes(state);

interface LaterPages {
  nodes: Application[];
  cursor: string | null;
  hasMore: boolean;
}

/**
 * A need's applicants for its poster and company, grouped by state: new, shortlisted, offered
 * and accepted side by side on a wide screen and one under another on a phone, with the
 * rejected, declined and withdrawn ones in a collapsed group. Everything is done with buttons on
 * each card (no dragging): shortlist, make an offer, reject with a reason, and talk with the
 * applicant.
 */
export function ApplicantBoardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const client = useClient();
  const [{ data: needData, error: needError }] = useQuery({ query: ApplicantBoardNeedQuery, variables: { id } });
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: NeedApplicationsQuery,
    variables: { needId: id, first: PAGE_SIZE },
    requestPolicy: 'cache-and-network',
  });
  const need = needData?.need ?? null;
  const [later, setLater] = useState<LaterPages | null>(null);
  const [loadingLater, setLoadingLater] = useState(false);
  const [laterError, setLaterError] = useState<AppError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [closedOpen, setClosedOpen] = useState(false);
  const first = data?.needApplications;

  const applications = useMemo(() => {
    const byId = new Map<string, Application>();
    for (const application of [...(first?.nodes ?? []), ...(later?.nodes ?? [])]) {
      byId.set(application.id, application);
    }
    return [...byId.values()];
  }, [first, later]);
  const hasMore = later ? later.hasMore : (first?.pageInfo.hasNextPage ?? false);

  // A moved card takes focus in its new place once the reloaded board shows it there.
  const focusAfterReload = useRef<{ id: string; state: ApplicationState } | null>(null);
  useEffect(() => {
    const wanted = focusAfterReload.current;
    const moved = wanted && applications.find((application) => application.id === wanted.id);
    if (!wanted || !moved || moved.state !== wanted.state) return;
    focusAfterReload.current = null;
    document.getElementById(`applicant-${wanted.id}`)?.focus();
  }, [applications]);

  const changed = (application: Application, message: string) => {
    setStatus(message);
    focusAfterReload.current = { id: application.id, state: application.state };
    if (isClosed(application.state)) setClosedOpen(true);
    // One beyond the first page is replaced here; the first page is loaded again.
    setLater((previous) =>
      previous
        ? { ...previous, nodes: previous.nodes.map((node) => (node.id === application.id ? application : node)) }
        : previous,
    );
    reexecute({ requestPolicy: 'network-only' });
  };

  const loadMore = async () => {
    const after = later ? later.cursor : (first?.pageInfo.endCursor ?? null);
    if (!after) return;
    setLoadingLater(true);
    setLaterError(null);
    try {
      const result = await client
        .query(NeedApplicationsQuery, { needId: id, first: PAGE_SIZE, after }, { requestPolicy: 'network-only' })
        .toPromise();
      const page = result.data?.needApplications;
      if (result.error || !page) {
        setLaterError(result.error ? toAppError(result.error) : { code: 'INTERNAL', fields: [] });
        return;
      }
      setLater((previous) => ({
        nodes: [...(previous?.nodes ?? []), ...page.nodes],
        cursor: page.pageInfo.endCursor,
        hasMore: page.pageInfo.hasNextPage,
      }));
    } finally {
      setLoadingLater(false);
    }
  };

  const title = need ? t('applications.board.title', { title: need.title }) : t('applications.board.titleShort');
  const loadError = error ?? needError;
  const closed = applications.filter((application) => isClosed(application.state));

  return (
    <Page
      title={title}
      lead={first ? t('applications.board.lead', { count: first.totalCount }) : undefined}
      className="applicant-board-page"
    >
      {loadError && !first ? <ErrorAlert error={toAppError(loadError)} /> : null}
      <StatusMessage>{status}</StatusMessage>
      {need?.state === 'FILLED' ? <p className="alert alert--info">{t('applications.board.filled')}</p> : null}
      {!first ? (
        fetching ? (
          <Loading shape="list" />
        ) : null
      ) : applications.length === 0 ? (
        <div className="card">
          <EmptyState title={t('applications.board.empty')}>
            <p>{t('applications.board.emptyHelp')}</p>
          </EmptyState>
        </div>
      ) : (
        <>
          <div className="applicant-board">
            {BOARD_COLUMNS.map((state) => {
              const column = applications.filter((application) => application.state === state);
              const headingId = `applicant-column-${state.toLowerCase()}`;
              return (
                <section key={state} className="applicant-board__column" aria-labelledby={headingId}>
                  <h2 id={headingId} className="applicant-board__heading">
                    {t(`applications.board.columns.${state}`)} <span className="muted">({column.length})</span>
                  </h2>
                  {column.length > 0 ? (
                    <ul className="card-list">
                      {column.map((application) => (
                        <ApplicantCard key={application.id} application={application} onChanged={changed} />
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">{t('applications.board.columnEmpty')}</p>
                  )}
                </section>
              );
            })}
          </div>
          {closed.length > 0 ? (
            <Disclosure
              className="disclosure applicant-board__closed"
              isExpanded={closedOpen}
              onExpandedChange={setClosedOpen}
            >
              <Heading level={2} className="disclosure__heading">
                <Button slot="trigger" className="disclosure__trigger">
                  <span className="disclosure__chevron" aria-hidden="true">
                    ▸
                  </span>
                  {t('applications.board.closedGroup', { count: closed.length })}
                </Button>
              </Heading>
              <DisclosurePanel className="disclosure__panel">
                <ul className="card-list">
                  {closed.map((application) => (
                    <ApplicantCard key={application.id} application={application} onChanged={changed} />
                  ))}
                </ul>
              </DisclosurePanel>
            </Disclosure>
          ) : null}
          {hasMore ? (
            loadingLater ? (
              <Loading shape="inline" />
            ) : (
              <LoadMoreButton onPress={() => void loadMore()} />
            )
          ) : null}
          <ErrorAlert error={laterError} />
        </>
      )}
      <p>
        <Link to={`/needs/${id}`}>{t('applications.board.backToNeed')}</Link>
      </p>
    </Page>
  );
}
