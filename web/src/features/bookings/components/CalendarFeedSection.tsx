import { useRef, useState } from 'react';
import { Button, DialogTrigger, Input, Label, Text, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { toAppError, type AppError } from '../../../shared/graphql';
import { ConfirmDialog, ErrorAlert, Loading, StatusMessage } from '../../../shared/ui';
import { CreateCalendarFeedMutation, HasCalendarFeedQuery, RevokeCalendarFeedMutation } from '../operations';

/** What this page knows of the feed after its own changes; until then, what the server said. */
type FeedChange = { kind: 'made'; url: string } | { kind: 'revoked' };

/**
 * A personal calendar feed of the user's bookings: a secret address a calendar app subscribes
 * to. The server keeps only its hash, so the address is shown once, right after it is made; a
 * lost address is replaced by making a new one. Revoking stops it altogether.
 */
export function CalendarFeedSection() {
  const { t } = useTranslation();
  const [{ data, fetching, error: loadError }] = useQuery({ query: HasCalendarFeedQuery, variables: {} });
  const [{ fetching: creating }, createFeed] = useMutation(CreateCalendarFeedMutation);
  const [, revokeFeed] = useMutation(RevokeCalendarFeedMutation);
  const [error, setError] = useState<AppError | null>(null);
  const [dialogError, setDialogError] = useState<AppError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [change, setChange] = useState<FeedChange | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const url = change?.kind === 'made' ? change.url : null;
  const hasFeed = change ? change.kind === 'made' : (data?.hasCalendarFeed ?? false);

  const create = async () => {
    setError(null);
    setDialogError(null);
    setStatus(null);
    const result = await createFeed({});
    if (!result.data) {
      const appError = result.error ? toAppError(result.error) : ({ code: 'INTERNAL', fields: [] } as AppError);
      setError(appError);
      setDialogError(appError);
      return false;
    }
    setChange({ kind: 'made', url: result.data.createCalendarFeed });
    setStatus(t(hasFeed ? 'account.calendarFeed.renewed' : 'account.calendarFeed.created'));
    return true;
  };

  const revoke = async () => {
    setDialogError(null);
    setStatus(null);
    const result = await revokeFeed({});
    if (result.error) {
      setDialogError(toAppError(result.error));
      return false;
    }
    setChange({ kind: 'revoked' });
    setStatus(t('account.calendarFeed.revoked'));
    return true;
  };

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t('account.calendarFeed.copied'));
    } catch {
      // Without clipboard access the address is selected, ready for the reader to copy.
      inputRef.current?.select();
      setStatus(t('account.calendarFeed.copyByHand'));
    }
  };

  return (
    <section className="section" aria-labelledby="calendar-feed-heading">
      <h2 id="calendar-feed-heading">{t('account.calendarFeed.heading')}</h2>
      <p>{t('account.calendarFeed.help')}</p>
      {loadError ? <ErrorAlert error={toAppError(loadError)} /> : null}
      {!data && !change ? (
        fetching ? (
          <Loading />
        ) : null
      ) : hasFeed ? (
        <>
          {url ? (
            <>
              <TextField className="field" value={url} isReadOnly>
                <Label className="field__label">{t('account.calendarFeed.address')}</Label>
                <Text slot="description" className="field__description">
                  {t('account.calendarFeed.shownOnce')} {t('account.calendarFeed.secret')}
                </Text>
                <div className="field__control">
                  <Input ref={inputRef} className="field__input" onFocus={(e) => e.currentTarget.select()} />
                </div>
              </TextField>
              <div className="button-row">
                <Button className="button button--primary" onPress={() => void copy()}>
                  {t('account.calendarFeed.copy')}
                </Button>
              </div>
            </>
          ) : (
            <>
              <p>
                <span className="badge badge--success">{t('account.calendarFeed.active')}</span>
              </p>
              <p>{t('account.calendarFeed.lostHelp')}</p>
            </>
          )}
          <div className="button-row">
            <DialogTrigger onOpenChange={() => setDialogError(null)}>
              <Button className="button button--secondary">{t('account.calendarFeed.renew')}</Button>
              <ConfirmDialog
                title={t('account.calendarFeed.renewTitle')}
                confirmLabel={t('account.calendarFeed.renew')}
                tone="primary"
                onConfirm={create}
                footer={<ErrorAlert error={dialogError} />}
              >
                <p>{t('account.calendarFeed.renewBody')}</p>
              </ConfirmDialog>
            </DialogTrigger>
            <DialogTrigger onOpenChange={() => setDialogError(null)}>
              <Button className="button button--danger-outline">{t('account.calendarFeed.revoke')}</Button>
              <ConfirmDialog
                title={t('account.calendarFeed.revokeTitle')}
                confirmLabel={t('account.calendarFeed.revoke')}
                onConfirm={revoke}
                footer={<ErrorAlert error={dialogError} />}
              >
                <p>{t('account.calendarFeed.revokeBody')}</p>
              </ConfirmDialog>
            </DialogTrigger>
          </div>
        </>
      ) : (
        <>
          <div className="button-row">
            <Button className="button button--primary" isPending={creating} onPress={() => void create()}>
              {t('account.calendarFeed.create')}
            </Button>
          </div>
          <ErrorAlert error={error} />
        </>
      )}
      <StatusMessage>{status}</StatusMessage>
    </section>
  );
}
