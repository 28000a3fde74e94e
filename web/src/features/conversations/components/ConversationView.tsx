import { zodResolver } from '@hookform/resolvers/zod';
import { messageSchema } from '@keskusvaraamo/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery } from 'urql';
import type { z } from 'zod';
import { FormErrorSummary, FormTextField, useSubmitError } from '../../../shared/forms';
import { toAppError, type AppError } from '../../../shared/graphql';
import { useFormatters } from '../../../shared/i18n';
import { ErrorAlert, Loading } from '../../../shared/ui';
import { useErased } from '../../../shared/utils/erased';
import { useNotifications } from '../../notifications';
import {
  ConversationQuery,
  MarkConversationReadMutation,
  SendMessageMutation,
  type ConversationSubject,
  type Message,
} from '../operations';

/** Messages per page: the newest page is kept fresh, earlier ones are loaded on request. */
const PAGE_SIZE = 20;
/** How often an open thread looks for new messages while the tab is visible, in milliseconds. */
const POLL_MS = 15_000;

type MessageFormValues = z.input<typeof messageSchema>;
type MessageFormOutput = z.output<typeof messageSchema>;

interface ConversationViewProps {
  subject: ConversationSubject;
  /** Overrides how often to look for new messages (tests); 0 turns it off. */
  pollMs?: number;
}

interface EarlierPages {
  messages: Message[];
  cursor: string | null;
  hasMore: boolean;
}

/** A live region is read again only when its text changes: the same words twice differ by a space. */
const saying = (text: string) => (previous: string) => (previous === text ? `${text}\u00a0` : text);

/** The start of a long message, for reading out. */
const excerpt = (body: string) => (body.length > 200 ? `${body.slice(0, 200)}…` : body);

/** Messages oldest first, each once. */
function inOrder(messages: Message[]): Message[] {
  const byId = new Map(messages.map((message) => [message.id, message]));
  // By time, then id: instants and ids compare as they are, not by a language's collation.
  return [...byId.values()].sort(
    (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * One conversation (about an application or a booking): its messages oldest to newest with
 * "load earlier", and a form to write. Opening it marks it read; new messages from others are
 * announced politely to screen readers as they arrive (the thread looks for them every few
 * seconds, and at once when a message notification is pushed).
 */
export function ConversationView({ subject, pollMs = POLL_MS }: ConversationViewProps) {
  const { t } = useTranslation();
  const erased = useErased();
  const format = useFormatters();
  const client = useClient();
  const variables = useMemo(
    () => ({ subjectKind: subject.kind, subjectId: subject.id, first: PAGE_SIZE }),
    [subject.kind, subject.id],
  );
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ConversationQuery, variables });
  const conversation = data?.conversation ?? null;
  const newestPage = conversation?.messages;
  const [earlier, setEarlier] = useState<EarlierPages | null>(null);
  const [loadingEarlier, setLoadingEarlier] = useState(false);
  const [earlierError, setEarlierError] = useState<AppError | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [, markRead] = useMutation(MarkConversationReadMutation);
  const [, sendMessage] = useMutation(SendMessageMutation);
  const form = useForm<MessageFormValues, unknown, MessageFormOutput>({
    resolver: zodResolver(messageSchema),
    defaultValues: { body: '' },
  });
  const submission = useSubmitError(form);
  const { arrival } = useNotifications();

  const messages = useMemo(
    () => inOrder([...(earlier?.messages ?? []), ...(newestPage?.nodes ?? [])]),
    [earlier, newestPage],
  );
  const hasEarlier = earlier ? earlier.hasMore : (newestPage?.pageInfo.hasNextPage ?? false);

  // New messages: looked for now and then while the tab is visible, and when one is notified.
  useEffect(() => {
    if (!pollMs) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') reexecute({ requestPolicy: 'network-only' });
    }, pollMs);
    return () => window.clearInterval(timer);
  }, [pollMs, reexecute]);
  useEffect(() => {
    if (arrival?.notification.type === 'MESSAGE_RECEIVED') reexecute({ requestPolicy: 'network-only' });
  }, [arrival, reexecute]);

  // Reading the thread marks it read, also when a new message arrives while it is open.
  const conversationId = conversation?.id ?? null;
  const unread = conversation?.unreadCount ?? 0;
  useEffect(() => {
    if (conversationId && unread > 0) void markRead({ id: conversationId });
  }, [conversationId, unread, markRead]);

  // Others' new messages are read out once they arrive; the first load is not news.
  const newestSeen = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!newestPage) return;
    const nodes = newestPage.nodes;
    const previous = newestSeen.current;
    newestSeen.current = nodes[0]?.id ?? null;
    if (previous === undefined) return;
    const seenAt = previous === null ? nodes.length : nodes.findIndex((message) => message.id === previous);
    const fresh = nodes.slice(0, seenAt === -1 ? nodes.length : seenAt).filter((message) => !message.mine);
    if (fresh.length === 1) {
      const [message] = fresh;
      setAnnouncement(
        saying(
          t('conversations.arrived', {
            author: erased.name(message!.authorName),
            body: excerpt(erased.text(message!.body)),
          }),
        ),
      );
    } else if (fresh.length > 1) {
      setAnnouncement(saying(t('conversations.arrivedMany', { count: fresh.length })));
    }
  }, [newestPage, t, erased]);

  const loadEarlier = async () => {
    const after = earlier ? earlier.cursor : (newestPage?.pageInfo.endCursor ?? null);
    if (!after) return;
    setLoadingEarlier(true);
    setEarlierError(null);
    try {
      const result = await client
        .query(ConversationQuery, { ...variables, after }, { requestPolicy: 'network-only' })
        .toPromise();
      const page = result.data?.conversation?.messages;
      if (result.error || !page) {
        setEarlierError(result.error ? toAppError(result.error) : { code: 'NOT_FOUND', fields: [] });
        return;
      }
      setEarlier((previous) => ({
        messages: [...(previous?.messages ?? []), ...page.nodes],
        cursor: page.pageInfo.endCursor,
        hasMore: page.pageInfo.hasNextPage,
      }));
      setAnnouncement(saying(t('conversations.earlierLoaded', { count: page.nodes.length })));
    } finally {
      setLoadingEarlier(false);
    }
  };

  const submit = form.handleSubmit(async ({ body }) => {
    submission.clear();
    const result = await sendMessage({ subjectKind: subject.kind, subjectId: subject.id, body });
    if (result.error) {
      submission.report(result.error);
      return;
    }
    form.reset({ body: '' });
    setAnnouncement(saying(t('conversations.sent')));
    reexecute({ requestPolicy: 'network-only' });
  });

  if (!data) {
    return error ? <ErrorAlert error={toAppError(error)} /> : fetching ? <Loading /> : null;
  }
  if (!conversation) return <p>{t('conversations.notFound')}</p>;

  return (
    <div className="conversation">
      {error ? <ErrorAlert error={toAppError(error)} /> : null}
      {hasEarlier ? (
        <div className="conversation__earlier">
          <Button className="button button--secondary" isPending={loadingEarlier} onPress={() => void loadEarlier()}>
            {t('conversations.loadEarlier')}
          </Button>
        </div>
      ) : null}
      <ErrorAlert error={earlierError} />
      {messages.length === 0 ? (
        <p className="muted">{t('conversations.empty')}</p>
      ) : (
        <ol
          className="message-list"
          aria-label={t('conversations.messagesLabel', { count: newestPage?.totalCount ?? messages.length })}
        >
          {messages.map((message) => (
            <li key={message.id} className={message.mine ? 'message message--mine' : 'message'}>
              <p className="message__meta">
                <span className="message__author">
                  {message.mine ? t('conversations.you') : erased.name(message.authorName)}
                </span>{' '}
                <time dateTime={message.createdAt}>{format.dateTime(message.createdAt)}</time>
              </p>
              <p className="message__body prewrap">{erased.text(message.body)}</p>
            </li>
          ))}
        </ol>
      )}
      <form className="form conversation__form" noValidate onSubmit={submit}>
        <FormErrorSummary submission={submission} />
        <FormTextField
          control={form.control}
          name="body"
          label={t('conversations.message')}
          description={t('conversations.messageHelp')}
          multiline
          isRequired
        />
        <div className="button-row">
          <Button type="submit" className="button button--primary" isPending={form.formState.isSubmitting}>
            {t('conversations.send')}
          </Button>
        </div>
      </form>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>
  );
}
