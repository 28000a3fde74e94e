import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { EmptyState, ErrorAlert, Loading, Page, StatusMessage } from '../../../shared/ui';
import { savedSearchHeadingId, SavedSearchItem } from '../components/SavedSearchItem';
import { SavedSearchesQuery, type SavedSearch } from '../operations';

/**
 * The user's saved searches, newest first: each runs its search from a link, and its alert, name
 * and existence can be changed here. Outcomes are announced in one polite status region.
 */
export function SavedSearchesPage() {
  const { t } = useTranslation();
  // An empty list has no typename to tell urql which mutations change it.
  const context = useMemo(() => ({ additionalTypenames: ['SavedSearch'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: SavedSearchesQuery,
    requestPolicy: 'cache-and-network',
    context,
  });
  const list = data?.savedSearches;
  const [status, setStatus] = useState<string | null>(null);
  // A deleted search's card goes away with its buttons: once the reloaded list no longer has it,
  // focus moves to the next search (or the one before, or the page's heading).
  const focusAfterDelete = useRef<{ id: string; index: number } | null>(null);

  useEffect(() => {
    const wanted = focusAfterDelete.current;
    if (!wanted || !list || list.some((saved) => saved.id === wanted.id)) return;
    focusAfterDelete.current = null;
    const next = list[wanted.index] ?? list[wanted.index - 1];
    const target = next ? document.getElementById(savedSearchHeadingId(next.id)) : null;
    // The page has one h1 (see Page).
    (target ?? document.querySelector<HTMLElement>('h1'))?.focus();
  }, [list]);

  const changed = (message: string) => {
    setStatus(message);
    reexecute({ requestPolicy: 'network-only' });
  };
  const deleted = (saved: SavedSearch, message: string) => {
    focusAfterDelete.current = { id: saved.id, index: list?.findIndex((s) => s.id === saved.id) ?? 0 };
    changed(message);
  };

  return (
    <Page title={t('savedSearches.title')} lead={t('savedSearches.lead')}>
      {error ? <ErrorAlert error={toAppError(error)} /> : null}
      <StatusMessage>{status}</StatusMessage>
      {!list ? (
        fetching ? (
          <Loading shape="list" />
        ) : null
      ) : list.length === 0 ? (
        <div className="card">
          <EmptyState
            title={t('savedSearches.empty.title')}
            action={
              <Link className="button button--primary" to="/search">
                {t('savedSearches.empty.toSearch')}
              </Link>
            }
          >
            <p>{t('savedSearches.empty.body')}</p>
            <p>{t('savedSearches.empty.alerts')}</p>
          </EmptyState>
        </div>
      ) : (
        <ul className="card-list">
          {list.map((saved) => (
            <SavedSearchItem key={saved.id} saved={saved} onChanged={changed} onDeleted={deleted} />
          ))}
        </ul>
      )}
      {list && list.length > 0 ? (
        <p className="muted">
          {t('savedSearches.settingsHint')} <Link to="/account/notifications">{t('savedSearches.settingsLink')}</Link>
        </p>
      ) : null}
    </Page>
  );
}
