import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CombinedError, OperationResult } from 'urql';
import { toAppError, type AppError } from '../../../shared/graphql';
import { ErrorAlert, PlaceholderLines, StatusMessage } from '../../../shared/ui';

interface HomeCardProps<T> {
  title: string;
  /** The list's query as useQuery gives it. */
  result: { fetching: boolean; error?: CombinedError };
  /** Undefined until loaded. */
  items: T[] | undefined;
  /** How many there are in all, when more than shown. */
  total?: number;
  renderItem: (item: T) => ReactNode;
  /** What an empty list means, in a sentence. */
  empty: string;
  /** Where the whole list is. */
  more?: { to: string; label: string };
  retry: () => void;
  /** What a one-step action said (useOneStepAction). */
  action?: OneStepAction;
}

/**
 * One thing on a person's home that may need them: a heading with how many there are, the first
 * few, and a link to all of them. While it loads it keeps the space of two items (the page does not
 * jump as the cards fill in); a failed load says so and offers to try again.
 */
export function HomeCard<T>({ title, result, items, total, renderItem, empty, more, retry, action }: HomeCardProps<T>) {
  const headingId = useId();
  const count = total ?? items?.length;
  const loading = items === undefined && !result.error;
  return (
    <section className="card home-card" aria-labelledby={headingId} aria-busy={loading}>
      <h3 className="home-card__title" id={headingId}>
        {title}
        {count ? (
          <>
            {' '}
            <span className="badge badge--info">{count}</span>
          </>
        ) : null}
      </h3>
      {action ? (
        <>
          <StatusMessage>{action.done}</StatusMessage>
          <ErrorAlert error={action.error} />
        </>
      ) : null}
      {result.error && items === undefined ? (
        <ErrorAlert error={toAppError(result.error)} onRetry={retry} />
      ) : loading ? (
        <CardPlaceholder />
      ) : items && items.length > 0 ? (
        <ul className="home-card__list">{items.map(renderItem)}</ul>
      ) : (
        <p className="muted">{empty}</p>
      )}
      {more && items && (count ?? 0) > 0 ? (
        <p className="home-card__more">
          <Link to={more.to}>{more.label}</Link>
        </p>
      ) : null}
    </section>
  );
}

/** Two lines' space while a card loads, named for screen readers. */
export function CardPlaceholder() {
  const { t } = useTranslation();
  return (
    <div className="home-card__placeholder">
      <span className="visually-hidden">{t('common.loading')}</span>
      <span aria-hidden="true" className="placeholder__shape">
        <PlaceholderLines count={2} />
      </span>
    </div>
  );
}

export interface OneStepAction {
  /** What the last action did, for the card's status line. */
  done: string | null;
  error: AppError | null;
  /** The item being acted on, whose buttons wait. */
  busy: string | null;
  run: (id: string, act: () => Promise<OperationResult>, doneMessage: string) => Promise<void>;
  /** Says what an action confirmed in its own dialog did (ApplicationActions, ProposalActions). */
  announce: (message: string) => void;
}

/**
 * An action taken from the home in one step (claim, verify, reactivate): the item's buttons wait while
 * it runs, and the card then says what happened or what went wrong. The lists reload by themselves
 * (urql refetches the queries whose results held the changed item's type).
 */
export function useOneStepAction(): OneStepAction {
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (id: string, act: () => Promise<OperationResult>, doneMessage: string) => {
    setBusy(id);
    setDone(null);
    setError(null);
    try {
      const result = await act();
      if (result.error) setError(toAppError(result.error));
      else setDone(doneMessage);
    } finally {
      setBusy(null);
    }
  };
  const announce = (message: string) => {
    setError(null);
    setDone(message);
  };
  return { done, error, busy, run, announce };
}
