import { zodResolver } from '@hookform/resolvers/zod';
import { APPLICATION_ACTIONS, rejectApplicationSchema, type ApplicationAction } from '@keskusvaraamo/shared';
import { useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation, type CombinedError } from 'urql';
import type { z } from 'zod';
import { FormErrorSummary, FormTextField, useSubmitError } from '../../../shared/forms';
import { toAppError, type AppError } from '../../../shared/graphql';
import { ConfirmDialog, ErrorAlert } from '../../../shared/ui';
import { useErased } from '../../../shared/utils/erased';
import {
  AcceptApplicationMutation,
  DeclineApplicationMutation,
  OfferApplicationMutation,
  RejectApplicationMutation,
  ShortlistApplicationMutation,
  WithdrawApplicationMutation,
  type Application,
} from '../operations';

/** The order the buttons come in, whoever sees them: the order the actions are declared in. */
const ORDER: readonly ApplicationAction[] = APPLICATION_ACTIONS;

/** A mutation's answer: the application as it is after the change. */
type ChangeResult = Promise<{ error?: CombinedError; data?: Record<string, Application> }>;

export type ActionableApplication = Pick<Application, 'id' | 'state' | 'actions' | 'studentName' | 'need'>;

interface ApplicationActionsProps {
  application: ActionableApplication;
  /** Called after a change with the application as it is now and what happened, to announce. */
  onChanged: (application: Application, message: string) => void;
  /**
   * Added for screen readers to each button's name where several applications are listed (the
   * applicant's name), so that "Shortlist" says whom.
   */
  context?: string;
}

/**
 * The buttons for what the viewer may do to an application now, as the server says (`actions`):
 * the company shortlists, offers and rejects (with an optional reason); the student accepts or
 * declines an offer and withdraws, each confirmed first.
 */
export function ApplicationActions({ application, onChanged, context }: ApplicationActionsProps) {
  const { t } = useTranslation();
  const erased = useErased();
  const [{ fetching: shortlisting }, shortlist] = useMutation(ShortlistApplicationMutation);
  const [, offer] = useMutation(OfferApplicationMutation);
  const [, accept] = useMutation(AcceptApplicationMutation);
  const [, decline] = useMutation(DeclineApplicationMutation);
  const [, withdraw] = useMutation(WithdrawApplicationMutation);
  const [error, setError] = useState<AppError | null>(null);
  const [dialogError, setDialogError] = useState<AppError | null>(null);
  const name = erased.name(application.studentName);
  const title = application.need.title;
  const company = application.need.organisation?.name ?? '';
  const actions = ORDER.filter((action) => application.actions.includes(action));
  if (actions.length === 0) return null;

  const suffix = context ? <span className="visually-hidden">: {context}</span> : null;

  /** Runs a change; true when it was made (a dialog then closes). */
  const run = async (change: () => ChangeResult, message: string, report: (error: AppError | null) => void) => {
    setError(null);
    report(null);
    const result = await change();
    if (result.error) {
      report(toAppError(result.error));
      return false;
    }
    const updated = result.data ? Object.values(result.data)[0] : undefined;
    if (updated) onChanged(updated, message);
    return true;
  };

  const confirm = (
    action: ApplicationAction,
    change: () => ChangeResult,
    tone: 'primary' | 'danger',
    buttonClass: string,
  ) => (
    <DialogTrigger key={action} onOpenChange={() => setDialogError(null)}>
      <Button className={buttonClass}>
        {t(`applications.actions.${action}.button`)}
        {suffix}
      </Button>
      <ConfirmDialog
        title={t(`applications.actions.${action}.title`, { name, title, company })}
        confirmLabel={t(`applications.actions.${action}.button`)}
        tone={tone}
        onConfirm={() => run(change, t(`applications.actions.${action}.done`, { name, title }), setDialogError)}
        footer={<ErrorAlert error={dialogError} />}
      >
        <p>{t(`applications.actions.${action}.body`, { name, title, company })}</p>
      </ConfirmDialog>
    </DialogTrigger>
  );

  return (
    <div className="application-actions">
      <div className="button-row">
        {actions.map((action) => {
          switch (action) {
            case 'SHORTLIST':
              return (
                <Button
                  key={action}
                  className="button button--secondary"
                  isPending={shortlisting}
                  onPress={() =>
                    void run(
                      () => shortlist({ id: application.id }),
                      t('applications.actions.SHORTLIST.done', { name, title }),
                      setError,
                    )
                  }
                >
                  {t('applications.actions.SHORTLIST.button')}
                  {suffix}
                </Button>
              );
            case 'OFFER':
              return confirm(action, () => offer({ id: application.id }), 'primary', 'button button--primary');
            case 'REJECT':
              return (
                <RejectDialog
                  key={action}
                  application={application}
                  suffix={suffix}
                  onRejected={(updated) => onChanged(updated, t('applications.actions.REJECT.done', { name, title }))}
                />
              );
            case 'ACCEPT':
              return confirm(action, () => accept({ id: application.id }), 'primary', 'button button--primary');
            case 'DECLINE':
              return confirm(action, () => decline({ id: application.id }), 'danger', 'button button--danger-outline');
            case 'WITHDRAW':
              return confirm(action, () => withdraw({ id: application.id }), 'danger', 'button button--danger-outline');
          }
        })}
      </div>
      <ErrorAlert error={error} />
    </div>
  );
}

type RejectFormValues = z.input<typeof rejectApplicationSchema>;
type RejectFormOutput = z.output<typeof rejectApplicationSchema>;

interface RejectDialogProps {
  application: ActionableApplication;
  suffix: React.ReactNode;
  onRejected: (application: Application) => void;
}

/** Rejecting asks for an optional reason, which the applicant sees. */
function RejectDialog({ application, suffix, onRejected }: RejectDialogProps) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button className="button button--danger-outline">
        {t('applications.actions.REJECT.button')}
        {suffix}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog role="alertdialog" className="dialog">
            {({ close }) => <RejectForm application={application} close={close} onRejected={onRejected} />}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

function RejectForm({
  application,
  close,
  onRejected,
}: {
  application: ActionableApplication;
  close: () => void;
  onRejected: (application: Application) => void;
}) {
  const { t } = useTranslation();
  const erased = useErased();
  const [, reject] = useMutation(RejectApplicationMutation);
  const form = useForm<RejectFormValues, unknown, RejectFormOutput>({
    resolver: zodResolver(rejectApplicationSchema),
    defaultValues: { reason: '' },
  });
  const submission = useSubmitError(form);
  const values = { name: erased.name(application.studentName), title: application.need.title };

  const submit = form.handleSubmit(async ({ reason }) => {
    submission.clear();
    const result = await reject({ id: application.id, reason });
    if (result.error) {
      submission.report(result.error);
      return;
    }
    close();
    onRejected(result.data!.rejectApplication);
  });

  return (
    <>
      <Heading slot="title" className="dialog__title">
        {t('applications.actions.REJECT.title', values)}
      </Heading>
      <div className="dialog__body">
        <p>{t('applications.actions.REJECT.body', values)}</p>
      </div>
      <form className="form" noValidate onSubmit={submit}>
        <FormErrorSummary submission={submission} />
        <FormTextField
          control={form.control}
          name="reason"
          label={t('applications.actions.REJECT.reason')}
          description={t('applications.actions.REJECT.reasonHelp')}
          multiline
        />
        <div className="dialog__actions">
          <Button className="button button--secondary" onPress={close} isDisabled={form.formState.isSubmitting}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" className="button button--danger" isPending={form.formState.isSubmitting}>
            {t('applications.actions.REJECT.button')}
          </Button>
        </div>
      </form>
    </>
  );
}
