import { zodResolver } from '@hookform/resolvers/zod';
import {
  SESSION_MESSAGE_DAYS_AFTER_END,
  SESSION_MESSAGE_MAX,
  SESSION_MESSAGES_PER_DAY,
  sessionMessageSchema,
  type SessionMessageInput,
} from '@keskusvaraamo/shared';
import { useEffect, useRef, useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import type { z } from 'zod';
import { FormErrorSummary, FormTextField, useSubmitError } from '../../../shared/forms';
import { useFormatters } from '../../../shared/i18n';
import { CursorPagedList, CursorPageItems, type CursorPage } from '../../../shared/ui';
import { useErased } from '../../../shared/utils/erased';
import {
  MessageSessionParticipantsMutation,
  SESSION_MESSAGES_PAGE_SIZE,
  SessionMessagesQuery,
  type SessionMessage,
  type SessionMessaging,
} from '../operations';
import './sessionMessages.css';

interface SessionMessagesProps {
  session: { id: string; cancelledAt: string | null } & SessionMessaging;
}

/**
 * The organiser's messages to a session's participants: "Message participants" and its dialog (how
 * many it reaches, the text, the outcome), and what was sent, newest first. Nothing for those who
 * may not manage the session (their `messageRecipientCount` is null); no button once the session is
 * cancelled or long over, or while nobody holds a confirmed seat.
 */
export function SessionMessages({ session }: SessionMessagesProps) {
  const { t } = useTranslation();
  // Each message sent starts the list again from its first page, which then holds it.
  const [sentCount, setSentCount] = useState(0);
  const recipients = session.messageRecipientCount;
  if (recipients === null) return null;
  return (
    <section className="card" aria-labelledby="session-messages-heading">
      <h2 id="session-messages-heading">{t('bookings.sessionMessages.heading')}</h2>
      <p>{t('bookings.sessionMessages.help')}</p>
      {!session.canMessageParticipants ? (
        <p className="alert alert--info">
          {session.cancelledAt
            ? t('bookings.sessionMessages.closedCancelled')
            : t('bookings.sessionMessages.closedEnded', { count: SESSION_MESSAGE_DAYS_AFTER_END })}
        </p>
      ) : recipients === 0 ? (
        <p className="muted">{t('bookings.sessionMessages.noRecipients')}</p>
      ) : (
        <MessageDialog sessionId={session.id} recipients={recipients} onSent={() => setSentCount((n) => n + 1)} />
      )}
      <h3>{t('bookings.sessionMessages.sentHeading')}</h3>
      <CursorPagedList
        resetKey={`sent-${sentCount}`}
        className="session-messages"
        aria-label={t('bookings.sessionMessages.sentHeading')}
        countText={(count) => t('bookings.sessionMessages.sentCount', { count })}
        renderPage={(page) => <SentMessagesPage sessionId={session.id} page={page} />}
      />
    </section>
  );
}

interface MessageDialogProps {
  sessionId: string;
  recipients: number;
  onSent: () => void;
}

/** The button and its dialog. Not closed by a click outside it: that would lose what was typed. */
function MessageDialog({ sessionId, recipients, onSent }: MessageDialogProps) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <DialogTrigger>
        <Button className="button button--primary">{t('bookings.sessionMessages.open')}</Button>
        <ModalOverlay className="modal-overlay">
          <Modal className="modal">
            <Dialog className="dialog">
              {({ close }) => (
                <MessageFlow sessionId={sessionId} recipients={recipients} onSent={onSent} close={close} />
              )}
            </Dialog>
          </Modal>
        </ModalOverlay>
      </DialogTrigger>
    </div>
  );
}

type MessageValues = SessionMessageInput;
type MessageOutput = z.output<typeof sessionMessageSchema>;

function MessageFlow({ sessionId, recipients, onSent, close }: MessageDialogProps & { close: () => void }) {
  const { t } = useTranslation();
  const [, send] = useMutation(MessageSessionParticipantsMutation);
  const [sent, setSent] = useState<SessionMessage | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useForm<MessageValues, unknown, MessageOutput>({
    resolver: zodResolver(sessionMessageSchema),
    defaultValues: { message: '' },
  });
  const submission = useSubmitError(form);

  // The outcome replaces the form: its heading takes focus, so that it is read out.
  useEffect(() => {
    if (sent) headingRef.current?.focus();
  }, [sent]);

  const submit = form.handleSubmit(async ({ message }) => {
    submission.clear();
    const result = await send({ sessionId, message });
    if (result.error) {
      submission.report(result.error);
      return;
    }
    if (result.data) {
      setSent(result.data.messageSessionParticipants);
      onSent();
    }
  });

  if (sent) {
    return (
      <>
        <Heading slot="title" className="dialog__title" ref={headingRef} tabIndex={-1}>
          {t('bookings.sessionMessages.sentTitle')}
        </Heading>
        <div className="dialog__body">
          <p>{t('bookings.sessionMessages.sentBody', { count: sent.recipientCount })}</p>
        </div>
        <div className="dialog__actions">
          <Button className="button button--primary" onPress={close}>
            {t('common.close')}
          </Button>
        </div>
      </>
    );
  }

  return (
    <>
      <Heading slot="title" className="dialog__title">
        {t('bookings.sessionMessages.title')}
      </Heading>
      <div className="dialog__body">
        <p>{t('bookings.sessionMessages.recipients', { count: recipients })}</p>
      </div>
      <form className="form" noValidate onSubmit={submit}>
        <FormErrorSummary submission={submission} />
        <FormTextField
          control={form.control}
          name="message"
          label={t('bookings.sessionMessages.field')}
          description={t('bookings.sessionMessages.fieldHelp', { max: SESSION_MESSAGE_MAX })}
          autoComplete="off"
          isRequired
          multiline
        />
        <p className="form__note">{t('bookings.sessionMessages.limit', { count: SESSION_MESSAGES_PER_DAY })}</p>
        <div className="dialog__actions">
          <Button className="button button--secondary" onPress={close} isDisabled={form.formState.isSubmitting}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" className="button button--primary" isPending={form.formState.isSubmitting}>
            {t('bookings.sessionMessages.submit', { count: recipients })}
          </Button>
        </div>
      </form>
    </>
  );
}

/** One page of what was sent. */
function SentMessagesPage({ sessionId, page }: { sessionId: string; page: CursorPage }) {
  const { t } = useTranslation();
  const [result, refetch] = useQuery({
    query: SessionMessagesQuery,
    variables: { sessionId, first: SESSION_MESSAGES_PAGE_SIZE, after: page.after },
    requestPolicy: 'cache-and-network',
  });
  return (
    <CursorPageItems
      page={page}
      result={result}
      connection={result.data?.sessionMessages}
      empty={<li className="muted">{t('bookings.sessionMessages.none')}</li>}
      renderItem={(message) => <SentMessage key={message.id} message={message} />}
      retry={() => refetch({ requestPolicy: 'network-only' })}
    />
  );
}

function SentMessage({ message }: { message: SessionMessage }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const erased = useErased();
  return (
    <li className="session-message">
      <p className="session-message__meta">
        <time dateTime={message.createdAt}>{format.dateTime(message.createdAt)}</time>
        {' · '}
        {erased.name(message.authorName)}
        {' · '}
        {t('bookings.sessionMessages.sentTo', { count: message.recipientCount })}
      </p>
      <p className="session-message__body">{message.body}</p>
    </li>
  );
}
