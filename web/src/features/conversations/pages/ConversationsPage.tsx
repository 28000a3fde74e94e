import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useFormatters } from '../../../shared/i18n';
import { CursorPagedList, CursorPageItems, EmptyState, Page, type CursorPage } from '../../../shared/ui';
import { useErased } from '../../../shared/utils/erased';
import { MyConversationsQuery, type ConversationSummary } from '../operations';

const PAGE_SIZE = 20;

/** The signed-in user's conversations, the most recently active first, with unread counts. */
export function ConversationsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('conversations.list.title')} lead={t('conversations.list.lead')}>
      <CursorPagedList
        countText={(count) => t('conversations.list.count', { count })}
        renderPage={(page) => <ConversationsPageItems page={page} />}
      />
    </Page>
  );
}

function ConversationsPageItems({ page }: { page: CursorPage }) {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({
    query: MyConversationsQuery,
    variables: { first: PAGE_SIZE, after: page.after },
    requestPolicy: 'cache-and-network',
  });
  return (
    <CursorPageItems
      page={page}
      result={result}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      connection={result.data?.myConversations}
      empty={
        <li className="card">
          <EmptyState title={t('conversations.list.empty')}>
            <p>{t('conversations.list.emptyHelp')}</p>
          </EmptyState>
        </li>
      }
      renderItem={(conversation) => <ConversationItem key={conversation.id} conversation={conversation} />}
    />
  );
}

function ConversationItem({ conversation }: { conversation: ConversationSummary }) {
  const { t } = useTranslation();
  const erased = useErased();
  const format = useFormatters();
  const last = conversation.lastMessage;
  const lastBody = last ? erased.text(last.body) : '';
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
          <span className="message__author">{last.mine ? t('conversations.you') : erased.name(last.authorName)}:</span>{' '}
          {lastBody.length > 160 ? `${lastBody.slice(0, 160)}…` : lastBody}{' '}
          <span className="muted">
            · <time dateTime={last.createdAt}>{format.dateTime(last.createdAt)}</time>
          </span>
        </p>
      ) : null}
    </li>
  );
}
