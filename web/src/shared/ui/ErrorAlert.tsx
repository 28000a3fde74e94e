import { useTranslation } from 'react-i18next';
import type { AppError } from '../graphql/errors';

/** The translated message for an error code, with the wait time when the server gave one. */
export function useErrorMessage(): (error: AppError) => string {
  const { t } = useTranslation();
  return (error) => {
    // The error's details fill in its message, e.g. the {{limit}} of LIMIT_REACHED.
    const message = t(`errors.${error.code}`, { replace: error.params ?? {} });
    if (error.code === 'RATE_LIMITED' && error.retryAfterSeconds !== undefined) {
      return `${message} ${t('errors.retryAfter', { count: Math.ceil(error.retryAfterSeconds) })}`;
    }
    return message;
  };
}

/**
 * An alert region for a failed operation. The region stays in the page so that screen readers
 * announce the message when it appears.
 */
export function ErrorAlert({ error, className }: { error: AppError | null; className?: string }) {
  const message = useErrorMessage();
  return (
    <div role="alert" className={error ? `alert alert--error ${className ?? ''}` : 'live-region'}>
      {error ? <p>{message(error)}</p> : null}
    </div>
  );
}
