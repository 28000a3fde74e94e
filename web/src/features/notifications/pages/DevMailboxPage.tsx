import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import { toAppError, type AppError } from '../../../shared/graphql';
import { useFormatters } from '../../../shared/i18n';
import { EmptyState, ErrorAlert, Loading, Page, StatusMessage } from '../../../shared/ui';
import { Linkified } from '../components/linkify';
import { DevMailboxQuery, type MailboxMessage } from '../operations';

const MESSAGES = 50;

/**
 * The development mailbox: what the outbox delivered with DEV_MAILBOX=true and no SMTP server
 * (never in production; the server answers NOT_FOUND elsewhere), newest first, with the links of
 * each message ready to follow. Only an admin, or in development someone on the server's own
 * machine, may read it (FORBIDDEN otherwise): the page then says why, and shows nothing else.
 */
export function DevMailboxPage() {
  const { t } = useTranslation();
  const client = useClient();
  const variables = { first: MESSAGES };
  const [{ data, fetching, error }] = useQuery({ query: DevMailboxQuery, variables, requestPolicy: 'network-only' });
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<AppError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const appError = error ? toAppError(error) : null;

  const refresh = async () => {
    setRefreshing(true);
    setRefreshError(null);
    setStatus(null);
    try {
      // The answer reaches the list above too: it is the same query.
      const result = await client.query(DevMailboxQuery, variables, { requestPolicy: 'network-only' }).toPromise();
      if (result.error) setRefreshError(toAppError(result.error));
      else setStatus(t('mailbox.refreshed'));
    } finally {
      setRefreshing(false);
    }
  };

  if (appError?.code === 'NOT_FOUND' || appError?.code === 'FORBIDDEN') {
    return (
      <Page title={t('mailbox.title')}>
        <div className="card">
          <p>{t(appError.code === 'NOT_FOUND' ? 'mailbox.unavailable' : 'mailbox.forbidden')}</p>
        </div>
      </Page>
    );
  }

  const messages = data?.devMailbox;
  return (
    <Page title={t('mailbox.title')} lead={t('mailbox.lead')}>
      <div className="toolbar">
        <Button className="button button--secondary" isPending={refreshing} onPress={() => void refresh()}>
          {t('mailbox.refresh')}
        </Button>
      </div>
      {appError ? <ErrorAlert error={appError} /> : null}
      <ErrorAlert error={refreshError} />
      <StatusMessage>{status}</StatusMessage>
      {!messages ? (
        fetching ? (
          <Loading shape="list" />
        ) : null
      ) : messages.length === 0 ? (
        <div className="card">
          <EmptyState title={t('mailbox.empty')} />
        </div>
      ) : (
        <>
          <p className="result-count">{t('mailbox.count', { count: messages.length })}</p>
          <ul className="card-list">
            {messages.map((message) => (
              <MailboxMessageCard key={message.id} message={message} />
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}

function MailboxMessageCard({ message }: { message: MailboxMessage }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const failed = message.failedAt !== null;
  const headingId = `mail-${message.id}`;
  return (
    <li
      className={failed ? 'card mailbox-message mailbox-message--failed' : 'card mailbox-message'}
      aria-labelledby={headingId}
    >
      <h2 className="card__title" id={headingId}>
        {message.subject ?? t('mailbox.noSubject')}
      </h2>
      <p className="card__meta">
        {failed ? (
          <span className="badge badge--danger">{t('mailbox.failed')}</span>
        ) : (
          <span className="badge badge--success">{t('mailbox.sent')}</span>
        )}
      </p>
      <dl className="details details--compact">
        <div>
          <dt>{t('mailbox.to')}</dt>
          <dd>{message.to}</dd>
        </div>
        <div>
          <dt>{failed ? t('mailbox.failedAt') : t('mailbox.sentAt')}</dt>
          <dd>{format.dateTime(message.failedAt ?? message.sentAt ?? message.createdAt)}</dd>
        </div>
        <div>
          <dt>{t('mailbox.template')}</dt>
          <dd>{message.template}</dd>
        </div>
        <div>
          <dt>{t('mailbox.attempts')}</dt>
          <dd>{message.attempts}</dd>
        </div>
      </dl>
      {failed && message.lastError ? (
        <p className="alert alert--error">{t('mailbox.lastError', { error: message.lastError })}</p>
      ) : null}
      {message.text ? (
        <pre className="mailbox-message__text">
          <Linkified text={message.text} />
        </pre>
      ) : (
        <p className="muted">{t('mailbox.noText')}</p>
      )}
    </li>
  );
}
