import { useRef, useState } from 'react';
import { Button, Disclosure, DisclosurePanel, DialogTrigger, Heading } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toAppError, type AppError } from '../../../shared/graphql';
import { useLocale } from '../../../shared/i18n';
import { ConfirmDialog, ErrorAlert, StatusMessage } from '../../../shared/ui';
import { RemoveSessionMutation, UpdateSessionMutation, type CourseSession, type SessionInput } from '../operations';
import { SessionForm } from './SessionForm';
import { sessionToValues } from './sessionForm';

/** Changing or removing one session; a session with participants cannot be removed. */
export function SessionManagement({
  session,
  time,
  onRemoved,
}: {
  session: CourseSession;
  time: string;
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [, updateSession] = useMutation(UpdateSessionMutation);
  const [, removeSession] = useMutation(RemoveSessionMutation);
  const [expanded, setExpanded] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);

  const save = async (input: SessionInput) => {
    setStatus(null);
    const result = await updateSession({ id: session.id, input });
    if (result.error) return result.error;
    setExpanded(false);
    triggerRef.current?.focus();
    setStatus(t('offers.sessions.saved'));
    return undefined;
  };

  const remove = async () => {
    setError(null);
    const result = await removeSession({ id: session.id });
    if (result.error) {
      setError(toAppError(result.error));
      return false;
    }
    onRemoved();
    return true;
  };

  return (
    <div className="session__manage">
      <Disclosure className="disclosure" isExpanded={expanded} onExpandedChange={setExpanded}>
        <Heading level={4} className="disclosure__heading">
          <Button slot="trigger" className="disclosure__trigger" ref={triggerRef}>
            <span className="disclosure__chevron" aria-hidden="true">
              ▸
            </span>
            {t('offers.sessions.edit')}
            <span className="visually-hidden">: {time}</span>
          </Button>
        </Heading>
        <DisclosurePanel className="disclosure__panel">
          <SessionForm initial={sessionToValues(session, locale)} submitLabel={t('common.save')} onSubmit={save} />
        </DisclosurePanel>
      </Disclosure>
      <StatusMessage>{status}</StatusMessage>
      {session.seatsTaken === 0 ? (
        <DialogTrigger>
          <Button className="button button--danger-outline">
            {t('offers.sessions.remove')}
            <span className="visually-hidden">: {time}</span>
          </Button>
          <ConfirmDialog
            title={t('offers.sessions.removeTitle')}
            confirmLabel={t('offers.sessions.remove')}
            onConfirm={remove}
            footer={<ErrorAlert error={error} />}
          >
            <p>{t('offers.sessions.removeBody', { time })}</p>
          </ConfirmDialog>
        </DialogTrigger>
      ) : (
        <p className="muted">{t('offers.sessions.hasParticipants', { count: session.seatsTaken })}</p>
      )}
    </div>
  );
}
