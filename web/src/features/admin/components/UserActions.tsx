import { zodResolver } from '@hookform/resolvers/zod';
import { deactivateUserSchema, eraseUserSchema } from '@keskusvaraamo/shared';
import type { ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { z } from 'zod';
import { FormErrorSummary, FormTextField, useSubmitError } from '../../../shared/forms';
import { toAppError } from '../../../shared/graphql';
import { ErrorAlert, Loading } from '../../../shared/ui';
import {
  DeactivateUserMutation,
  EraseUserMutation,
  ErasurePreviewQuery,
  ReactivateUserMutation,
  type AdminUser,
  type ErasurePreview,
} from '../operations';
import { UserRolesEditor } from './UserRolesEditor';

const reasonSchema = deactivateUserSchema.pick({ reason: true });
const erasureReasonSchema = eraseUserSchema.pick({ reason: true });
type ReasonValues = z.input<typeof reasonSchema>;
type ReasonOutput = z.output<typeof reasonSchema>;

/** The user changed in some way the list should show again (the User typename refetches it). */
const REFETCH_USERS = { additionalTypenames: ['User', 'UserConnection'] };

/** A button that opens a modal dialog; the dialog's content gets `close`. */
function DialogButton({
  label,
  context,
  tone = 'secondary',
  children,
}: {
  label: string;
  /** Added for screen readers to the button's name: whose account it is. */
  context: string;
  tone?: 'secondary' | 'danger';
  children: (close: () => void) => ReactNode;
}) {
  return (
    <DialogTrigger>
      <Button className={`button button--${tone}`}>
        {label}
        <span className="visually-hidden">: {context}</span>
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">{({ close }) => children(close)}</Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

/** A form in a dialog that asks for the reason and runs `submit` with it; closes when it succeeds. */
function ReasonForm({
  title,
  body,
  reasonLabel,
  reasonHelp,
  submitLabel,
  close,
  schema,
  submit,
  disabled,
}: {
  title: string;
  body: ReactNode;
  reasonLabel: string;
  reasonHelp: string;
  submitLabel: string;
  close: () => void;
  schema: typeof reasonSchema;
  submit: (reason: string) => Promise<{ error?: import('urql').CombinedError }>;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const form = useForm<ReasonValues, unknown, ReasonOutput>({
    resolver: zodResolver(schema),
    defaultValues: { reason: '' },
  });
  const submission = useSubmitError(form);
  const onSubmit = form.handleSubmit(async ({ reason }) => {
    submission.clear();
    const result = await submit(reason);
    if (result.error) {
      submission.report(result.error);
      return;
    }
    close();
  });
  return (
    <>
      <Heading slot="title" className="dialog__title">
        {title}
      </Heading>
      <div className="dialog__body">{body}</div>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormErrorSummary submission={submission} />
        <FormTextField control={form.control} name="reason" label={reasonLabel} description={reasonHelp} isRequired />
        <div className="dialog__actions">
          <Button className="button button--secondary" onPress={close} isDisabled={form.formState.isSubmitting}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            className="button button--danger"
            isPending={form.formState.isSubmitting}
            isDisabled={disabled}
          >
            {submitLabel}
          </Button>
        </div>
      </form>
    </>
  );
}

/** The roles editor, in a dialog of its own. */
export function RolesButton({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  return (
    <DialogButton label={t('admin.editRoles')} context={user.displayName}>
      {(close) => (
        <>
          <Heading slot="title" className="dialog__title">
            {t('admin.rolesOf', { name: user.displayName })}
          </Heading>
          <UserRolesEditor user={user} />
          <div className="dialog__actions">
            <Button className="button button--secondary" onPress={close}>
              {t('common.close')}
            </Button>
          </div>
        </>
      )}
    </DialogButton>
  );
}

export function DeactivateButton({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const [, deactivate] = useMutation(DeactivateUserMutation);
  return (
    <DialogButton label={t('admin.deactivate.action')} context={user.displayName} tone="danger">
      {(close) => (
        <ReasonForm
          title={t('admin.deactivate.title', { name: user.displayName })}
          body={<p>{t('admin.deactivate.body')}</p>}
          reasonLabel={t('admin.deactivate.reason')}
          reasonHelp={t('admin.deactivate.reasonHelp')}
          submitLabel={t('admin.deactivate.submit')}
          close={close}
          schema={reasonSchema}
          submit={(reason) => deactivate({ input: { userId: user.id, reason } }, REFETCH_USERS)}
        />
      )}
    </DialogButton>
  );
}

export function ReactivateButton({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const [{ fetching, error }, reactivate] = useMutation(ReactivateUserMutation);
  return (
    <DialogButton label={t('admin.reactivate.action')} context={user.displayName}>
      {(close) => (
        <>
          <Heading slot="title" className="dialog__title">
            {t('admin.reactivate.title', { name: user.displayName })}
          </Heading>
          <div className="dialog__body">
            <p>{t('admin.reactivate.body')}</p>
          </div>
          <ErrorAlert error={error ? toAppError(error) : null} />
          <div className="dialog__actions">
            <Button className="button button--secondary" onPress={close} isDisabled={fetching}>
              {t('common.cancel')}
            </Button>
            <Button
              className="button button--primary"
              isPending={fetching}
              onPress={async () => {
                const result = await reactivate({ userId: user.id }, REFETCH_USERS);
                if (!result.error) close();
              }}
            >
              {t('admin.reactivate.submit')}
            </Button>
          </div>
        </>
      )}
    </DialogButton>
  );
}

export function EraseButton({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  return (
    <DialogButton label={t('admin.erase.action')} context={user.displayName} tone="danger">
      {(close) => <EraseForm user={user} close={close} />}
    </DialogButton>
  );
}

const COUNTS = [
  'bookingsToCancel',
  'applicationsToWithdraw',
  'needsToClose',
  'organisationsToLeave',
  'messagesToErase',
] as const satisfies readonly (keyof ErasurePreview)[];

function EraseForm({ user, close }: { user: AdminUser; close: () => void }) {
  const { t } = useTranslation();
  const [preview] = useQuery({
    query: ErasurePreviewQuery,
    variables: { userId: user.id },
    requestPolicy: 'network-only',
  });
  const [, erase] = useMutation(EraseUserMutation);
  const data = preview.data?.erasurePreview;
  const blocked = !data || data.blockers.length > 0;
  const body = (
    <>
      <p>{t('admin.erase.body')}</p>
      {preview.error ? <ErrorAlert error={toAppError(preview.error)} /> : null}
      {!data && preview.fetching ? <Loading shape="inline" /> : null}
      {data ? (
        <>
          <h3 className="dialog__subtitle">{t('admin.erase.whatHappens')}</h3>
          <ul className="erase-counts">
            {COUNTS.map((key) => (
              <li key={key}>{t(`admin.erase.counts.${key}`, { count: data[key] })}</li>
            ))}
          </ul>
          {data.blockers.length ? (
            <div className="alert alert--warning">
              <p>{t('admin.erase.blocked')}</p>
              <ul>
                {data.blockers.map((blocker) => (
                  <li key={`${blocker.reason}-${blocker.organisationId}`}>
                    {t(`admin.erase.blockers.${blocker.reason}`, { organisation: blocker.organisationName })}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      ) : null}
    </>
  );
  return (
    <ReasonForm
      title={t('admin.erase.title', { name: user.displayName })}
      body={body}
      reasonLabel={t('admin.erase.reason')}
      reasonHelp={t('admin.erase.reasonHelp')}
      submitLabel={t('admin.erase.submit')}
      close={close}
      schema={erasureReasonSchema}
      disabled={blocked}
      submit={(reason) => erase({ input: { userId: user.id, reason } }, REFETCH_USERS)}
    />
  );
}
