import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { useFormatters } from '../../../shared/i18n';
import { EmptyState, ErrorAlert, Loading, LoadMoreButton, Page } from '../../../shared/ui';
import { useCursorPages, useReportPage, type PageInfo } from '../../../shared/utils/cursorPages';
import { MyConversationsQuery, type ConversationSummary } from '../operations';

const PAGE_SIZE = 20;

/** The signed-in user's conversations, the most recently active first, with unread counts. */
export function ConversationsPage() {
  const { t } = useTranslation();
  const paging = useCursorPages('all');
  return (
    <Page title={t('conversations.list.title')} lead={t('conversations.list.lead')}>
      <p role="status" className="result-count">
        {paging.totalCount === null ? '' : t('conversations.list.count', { count: paging.totalCount })}
      </p>
      <ul className="card-list">
        {paging.cursors.map((after, index) => (
          <ConversationsPageItems
            key={after ?? 'first'}
            after={after}
            onPage={(pageInfo, totalCount) => paging.reportPage(index, pageInfo, totalCount)}
          />
        ))}
      </ul>
      {paging.nextCursor ? <LoadMoreButton onPress={paging.loadMore} /> : null}
    </Page>
  );
}

function ConversationsPageItems({
  after,
  onPage,
}: {
  after: string | null;
  onPage: (pageInfo: PageInfo, totalCount: number) => void;
}) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({
    query: MyConversationsQuery,
    variables: { first: PAGE_SIZE, after },
    requestPolicy: 'cache-and-network',
  });
  const connection = data?.myConversations;
  useReportPage(connection, onPage);

  if (error)
    return (
      <li>
        <ErrorAlert error={toAppError(error)} />
      </li>
    );
  if (!connection)
    return fetching ? (
      <li>
        <Loading />
      </li>
    ) : null;
  if (connection.nodes.length === 0 && !after)
    return (
      <li className="card">
        <EmptyState title={t('conversations.list.empty')}>
          <p>{t('conversations.list.emptyHelp')}</p>
        </EmptyState>
      </li>
    );
  return (
    <>
      {connection.nodes.map((conversation) => (
        <ConversationItem key={conversation.id} conversation={conversation} />
      ))}
    </>
  );
}

function ConversationItem({ conversation }: { conversation: ConversationSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const last = conversation.lastMessage;
  const unread = conversation.unreadCount;
  return (
    <li className={unread > 0 ? 'card conversation-summary conversation-summary--unread' : 'card conversation-summary'}>
      <h2 className="card__title">
        <Link to={`/conversations/${conversation.id}`}>
          {conversation.title}
          {unread > 0 ? (
            <span className="visually-hidden">, {t('conversations.unread', { count: unread })}</span>
          ) : null}
        </Link>
      </h2>
      <p className="card__meta">
        {t(`conversations.kinds.${conversation.subjectKind}`)}{' '}
        {unread > 0 ? (
          <span className="badge badge--warning" aria-hidden="true">
            {t('conversations.unread', { count: unread })}
          </span>
        ) : null}
      </p>
      {last ? (
        <p className="conversation-summary__last">
          <span className="message__author">
            {last.mine ? t('conversations.you') : (last.authorName ?? t('conversations.deletedUser'))}:
          </span>{' '}
          {last.body.length > 160 ? `${last.body.slice(0, 160)}…` : last.body}{' '}
          <span className="muted">
            · <time dateTime={last.createdAt}>{format.dateTime(last.createdAt)}</time>
          </span>
        </p>
      ) : null}
    </li>
  );
}
