import { useTranslation } from 'react-i18next';
import type { AppError } from '../graphql/errors';

/** The translated message for an error code, with the wait time when the server gave one. */
export function useErrorMessage(): (error: AppError) => string {
  const { t } = useTranslation();
  return (error) => {
    // The error's details fill in its message, e.g. the {{limit}} of LIMIT_REACHED.
    const message = t(`errors.${error.code}`, { replace: error.params ?? {} });
    if (error.code === 'RATE_LIMITED' && error.retryAfterSeconds !== undefined) {
      const wait = retryWait(error.retryAfterSeconds);
      return `${message} ${t(`errors.retryAfter${wait.unit}`, { count: wait.count })}`;
    }
    return message;
  };
}

/**
 * A wait as people say it: seconds under a minute, then whole minutes (rounded up) under two
 * hours, then hours. "Try again in 3540 seconds" is a number to work out; "in 59 minutes" is not.
 */
export function retryWait(seconds: number): { unit: '' | 'Minutes' | 'Hours'; count: number } {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return { unit: '', count: whole };
  const minutes = Math.ceil(whole / 60);
  if (minutes < 120) return { unit: 'Minutes', count: minutes };
  return { unit: 'Hours', count: Math.ceil(minutes / 60) };
}

/**
 * An alert region for a failed operation. The region stays in the page so that screen readers
 * announce the message when it appears.
 */
export function ErrorAlert({
  error,
  className,
  onRetry,
}: {
  error: AppError | null;
  className?: string;
  /** A load that failed: "Try again" asks once more. */
  onRetry?: () => void;
}) {
  const message = useErrorMessage();
  const { t } = useTranslation();
  return (
    <>
      <div role="alert" className={error ? `alert alert--error ${className ?? ''}` : 'live-region'}>
        {error ? <p>{message(error)}</p> : null}
      </div>
      {/* After the alert, not in it: what is announced is what went wrong. */}
      {error && onRetry ? (
        <p>
          <button type="button" className="button button--secondary" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </p>
      ) : null}
    </>
  );
}
