import { zodResolver } from '@hookform/resolvers/zod';
import { deleteAccountSchema } from '@keskusvaraamo/shared';
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { Button, Checkbox, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { z } from 'zod';
import { CheckboxMark, FormErrorSummary, FormTextField, useSubmitError } from '../../../shared/forms';
import { toAppError, type AppError } from '../../../shared/graphql';
import { useSession } from '../../../shared/session';
import { ErrorAlert, Loading } from '../../../shared/ui';
import { noticeState } from '../../../shared/utils/notice';
import { useLeavePage } from '../../../shared/utils/useLeavePage';
import { DeleteAccountMutation, ErasurePreviewQuery } from '../operations';
import { ErasurePreviewDetails } from './ErasurePreviewDetails';

/** The password, and a tick that says the person knows deletion is for good. */
const deleteFormSchema = z.object({
  password: deleteAccountSchema.shape.password,
  confirmed: z.boolean().refine((value) => value, { error: 'privacy.delete.confirmRequired' }),
});
type DeleteFormValues = z.input<typeof deleteFormSchema>;
type DeleteFormOutput = z.output<typeof deleteFormSchema>;

/** "Delete my account": a dialog that shows what will happen, then asks for the password. */
export function DeleteAccount() {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="your-data-delete-heading">
      <h3 id="your-data-delete-heading">{t('privacy.delete.heading')}</h3>
      <p>{t('privacy.delete.help')}</p>
      <DialogTrigger>
        <Button className="button button--danger-outline">{t('privacy.delete.open')}</Button>
        <ModalOverlay className="modal-overlay" isDismissable>
          <Modal className="modal">
            <Dialog className="dialog">{({ close }) => <DeleteAccountFlow close={close} />}</Dialog>
          </Modal>
        </ModalOverlay>
      </DialogTrigger>
    </section>
  );
}

type Step = 'preview' | 'confirm';

/**
 * The dialog's two steps. First what deletion will do, from the server's preview, and what blocks
 * it, with a link to resolve each; then, when nothing blocks it, the password and the tick. A
 * deleted account's session is already over on the server: this browser forgets it and goes to
 * the front page, which says the account was deleted.
 */
function DeleteAccountFlow({ close }: { close: () => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('preview');
  // What the server refused the deletion for, shown above the blockers it found.
  const [blocked, setBlocked] = useState<AppError | null>(null);
  const [preview, reloadPreview] = useQuery({
    query: ErasurePreviewQuery,
    variables: {},
    requestPolicy: 'network-only',
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // After a step changes, its heading takes focus, so that the new step is read out.
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
    moved.current = true;
  }, [step]);

  if (step === 'confirm') {
    return (
      <ConfirmDeletion
        headingRef={headingRef}
        onBack={() => setStep('preview')}
        onBlocked={(error) => {
          setBlocked(error);
          reloadPreview({ requestPolicy: 'network-only' });
          setStep('preview');
        }}
      />
    );
  }

  const data = preview.data?.erasurePreview;
  const canContinue = data !== undefined && data.blockers.length === 0;
  return (
    <>
      <Heading slot="title" level={2} className="dialog__title" ref={headingRef} tabIndex={-1}>
        {t('privacy.delete.title')}
      </Heading>
      <div className="dialog__body">
        <ErrorAlert error={blocked ?? (preview.error ? toAppError(preview.error) : null)} />
        {data ? <ErasurePreviewDetails preview={data} /> : preview.fetching ? <Loading /> : null}
      </div>
      <div className="dialog__actions">
        <Button className="button button--secondary" onPress={close}>
          {t('common.cancel')}
        </Button>
        {canContinue ? (
          <Button className="button button--danger" onPress={() => setStep('confirm')}>
            {t('privacy.delete.continue')}
          </Button>
        ) : null}
      </div>
    </>
  );
}

interface ConfirmDeletionProps {
  headingRef: RefObject<HTMLHeadingElement | null>;
  onBack: () => void;
  onBlocked: (error: AppError) => void;
}

function ConfirmDeletion({ headingRef, onBack, onBlocked }: ConfirmDeletionProps) {
  const { t } = useTranslation();
  const { user, signOut } = useSession();
  const leavePage = useLeavePage();
  const confirmErrorId = useId();
  const [, deleteAccount] = useMutation(DeleteAccountMutation);
  const form = useForm<DeleteFormValues, unknown, DeleteFormOutput>({
    resolver: zodResolver(deleteFormSchema),
    defaultValues: { password: '', confirmed: false },
  });
  const submission = useSubmitError(form);

  const submit = form.handleSubmit(async ({ password }) => {
    submission.clear();
    const result = await deleteAccount({ input: { password } });
    if (result.error) {
      const error = toAppError(result.error);
      if (error.code === 'ERASURE_BLOCKED') {
        onBlocked(error);
      } else if (error.code === 'INVALID_CREDENTIALS') {
        // The password is the only thing that can be wrong here: say so on the field.
        form.setError('password', { type: 'server', message: 'validation.wrongPassword' }, { shouldFocus: true });
      } else {
        submission.report(result.error);
      }
      return;
    }
    // The server has ended every session; this browser forgets its own and leaves for the front page.
    await signOut({
      beforeLocalEnd: () => leavePage('/', noticeState('accountDeleted')),
    });
  });

  const pending = form.formState.isSubmitting;
  return (
    <>
      <Heading slot="title" level={2} className="dialog__title" ref={headingRef} tabIndex={-1}>
        {t('privacy.delete.confirmTitle')}
      </Heading>
      <form className="form" noValidate onSubmit={submit}>
        <FormErrorSummary submission={submission} />
        {/* Tells password managers which account the password belongs to. */}
        <input type="email" name="username" autoComplete="username" value={user?.email ?? ''} readOnly hidden />
        <FormTextField
          control={form.control}
          name="password"
          type="password"
          label={t('fields.password')}
          description={t('privacy.delete.passwordHelp')}
          autoComplete="current-password"
          isRequired
        />
        <Controller
          control={form.control}
          name="confirmed"
          render={({ field, fieldState }) => (
            <div className="field">
              <Checkbox
                className="checkbox"
                isSelected={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                inputRef={field.ref}
                isInvalid={fieldState.invalid}
                aria-describedby={fieldState.invalid ? confirmErrorId : undefined}
              >
                <CheckboxMark />
                <span className="checkbox__label">{t('privacy.delete.confirmCheck')}</span>
              </Checkbox>
              {fieldState.invalid ? (
                <p className="field__error" id={confirmErrorId}>
                  {t('privacy.delete.confirmRequired')}
                </p>
              ) : null}
            </div>
          )}
        />
        <div className="dialog__actions">
          <Button className="button button--secondary" onPress={onBack} isDisabled={pending}>
            {t('privacy.delete.back')}
          </Button>
          <Button type="submit" className="button button--danger" isPending={pending}>
            {t('privacy.delete.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
