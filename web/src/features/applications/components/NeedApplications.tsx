import { zodResolver } from '@hookform/resolvers/zod';
import { applySchema, COVER_LETTER_MAX, isPlacementKind, type NeedKind, type NeedState } from '@keskusvaraamo/shared';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  Button,
  Dialog,
  DialogTrigger,
  FieldError,
  Heading,
  Label,
  Modal,
  ModalOverlay,
  Text,
  TextArea,
  TextField,
} from 'react-aria-components';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { z } from 'zod';
import { useSubmitError } from '../../../shared/forms';
import { helsinkiToday, useFormatters, useTranslateIssue } from '../../../shared/i18n';
import { useSession } from '../../../shared/session';
import { useErrorMessage } from '../../../shared/ui';
import { hasRole } from '../../../shared/utils/roles';
import { withReturnTo } from '../../../shared/utils/returnTo';
import {
  ApplyToNeedMutation,
  MyApplicantProfileQuery,
  NeedApplicationInfoQuery,
  type Application,
} from '../operations';
import { ApplicationStateBadge } from './ApplicationStateBadge';

/** What the need page knows of its need. */
export interface ApplicableNeed {
  id: string;
  title: string;
  kind: NeedKind;
  state: NeedState;
  /** YYYY-MM-DD, the last day to apply. */
  applicationDeadline: string | null;
  organisation: { id: string; name: string } | null;
}

/**
 * Applying on a placement's page. A signed-in student applies (or sees their application), a
 * visitor is asked to sign in, and the need's side and coordinators get to its applicants.
 * Anyone else sees nothing here.
 */
export function NeedApplications({ need }: { need: ApplicableNeed }) {
  const { t } = useTranslation();
  const { status, user } = useSession();
  const placement = isPlacementKind(need.kind);
  const [{ data }, reexecute] = useQuery({
    query: NeedApplicationInfoQuery,
    variables: { id: need.id },
    pause: !user || !placement,
    requestPolicy: 'cache-and-network',
  });
  const info = data?.need ?? null;
  if (!placement) return null;

  const open = need.state === 'OPEN' && (!need.applicationDeadline || need.applicationDeadline >= helsinkiToday());
  const applicants =
    info && info.applicationCount !== null ? (
      <section className="card" aria-labelledby="need-applicants-heading">
        <h2 id="need-applicants-heading">{t('applications.need.applicantsHeading')}</h2>
        <p>{t('applications.need.applicantCount', { count: info.applicationCount })}</p>
        <p>
          <Link className="button button--primary" to={`/needs/${need.id}/applicants`}>
            {t('applications.need.toApplicants', { count: info.applicationCount })}
          </Link>
        </p>
      </section>
    ) : null;

  // A visitor's invitation, also until the session is known: as on the server-rendered page.
  if (status !== 'signedIn') {
    if (!open) return null;
    return (
      <section className="card" aria-labelledby="need-apply-heading">
        <h2 id="need-apply-heading">{t('applications.apply.heading')}</h2>
        <p>{t('applications.apply.signInHint')}</p>
        <p>
          <Link className="button button--primary" to={withReturnTo('/sign-in', `/needs/${need.id}`)}>
            {t('applications.apply.signInToApply')}
          </Link>
        </p>
      </section>
    );
  }
  if (!hasRole(user, 'STUDENT')) return applicants;

  const mine = info?.myApplication ?? null;
  return (
    <>
      {applicants}
      {mine ? (
        <section className="card" aria-labelledby="need-apply-heading">
          <h2 id="need-apply-heading">{t('applications.apply.yourApplication')}</h2>
          <MyApplicationState application={mine} />
        </section>
      ) : info && open ? (
        <section className="card" aria-labelledby="need-apply-heading">
          <h2 id="need-apply-heading">{t('applications.apply.heading')}</h2>
          <p>{t('applications.apply.intro')}</p>
          <ApplyButton need={need} onApplied={() => reexecute({ requestPolicy: 'network-only' })} />
        </section>
      ) : null}
    </>
  );
}

function MyApplicationState({ application }: { application: Pick<Application, 'id' | 'state' | 'createdAt'> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <>
      <p>
        {t('applications.apply.appliedOn', { date: format.date(application.createdAt) })}{' '}
        <ApplicationStateBadge state={application.state} />
      </p>
      <p>
        <Link to={`/my/applications/${application.id}`}>{t('applications.apply.viewApplication')}</Link>
      </p>
    </>
  );
}

function ApplyButton({ need, onApplied }: { need: ApplicableNeed; onApplied: () => void }) {
  const { t } = useTranslation();
  // The page shows the new application once the dialog closes: doing it at once would take the
  // dialog, and its confirmation, away with the Apply button.
  const applied = useRef(false);
  return (
    <DialogTrigger
      onOpenChange={(isOpen) => {
        if (isOpen || !applied.current) return;
        applied.current = false;
        onApplied();
      }}
    >
      <Button className="button button--primary">{t('applications.apply.open')}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal modal--wide">
          <Dialog className="dialog">
            {({ close }) => (
              <ApplyFlow
                need={need}
                close={close}
                onApplied={() => {
                  applied.current = true;
                }}
              />
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

const applyFormSchema = applySchema.pick({ coverLetter: true });
type ApplyFormValues = z.input<typeof applyFormSchema>;
type ApplyFormOutput = z.output<typeof applyFormSchema>;

/** Characters left at which the counter starts to warn (and to tell screen readers). */
const NEAR_LIMIT = 200;

function ApplyFlow({ need, close, onApplied }: { need: ApplicableNeed; close: () => void; onApplied: () => void }) {
  const translateIssue = useTranslateIssue();
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [, apply] = useMutation(ApplyToNeedMutation);
  const [{ data: profileData, fetching: profileLoading }] = useQuery({ query: MyApplicantProfileQuery, variables: {} });
  const profile = profileData?.myStudentProfile ?? null;
  const [applied, setApplied] = useState<Pick<Application, 'id'> | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useForm<ApplyFormValues, unknown, ApplyFormOutput>({
    resolver: zodResolver(applyFormSchema),
    defaultValues: { coverLetter: '' },
  });
  const submission = useSubmitError(form);
  const letter = useWatch({ control: form.control, name: 'coverLetter' }) ?? '';
  const left = COVER_LETTER_MAX - letter.length;
  const counterId = useId();
  const company = need.organisation?.name ?? t('applications.apply.theCompany');

  // The confirmation is announced by moving focus to its heading.
  useEffect(() => {
    if (applied) headingRef.current?.focus();
  }, [applied]);

  const submit = form.handleSubmit(async ({ coverLetter }) => {
    submission.clear();
    const result = await apply({ input: { needId: need.id, coverLetter } });
    if (result.error) {
      const error = submission.report(result.error);
      // Applied already (in another tab): the page shows that application instead.
      if (error.code === 'ALREADY_APPLIED') onApplied();
      return;
    }
    if (result.data) {
      setApplied(result.data.applyToNeed);
      onApplied();
    }
  });

  // The warning when near or over the limit is worded so that it changes only at those points.
  const warning = useMemo(
    () =>
      left < 0
        ? t('applications.apply.overLimit', { count: -left })
        : left <= NEAR_LIMIT
          ? t('applications.apply.nearLimit', { count: NEAR_LIMIT })
          : '',
    [left, t],
  );

  if (applied) {
    return (
      <>
        <Heading slot="title" className="dialog__title" ref={headingRef} tabIndex={-1}>
          {t('applications.apply.doneTitle')}
        </Heading>
        <div className="dialog__body">
          <p>{t('applications.apply.doneBody', { title: need.title, company })}</p>
          <p>{t('applications.apply.doneNext')}</p>
        </div>
        <div className="dialog__actions">
          <Link className="button button--secondary" to={`/my/applications/${applied.id}`}>
            {t('applications.apply.viewApplication')}
          </Link>
          <Button className="button button--primary" onPress={close}>
            {t('common.close')}
          </Button>
        </div>
      </>
    );
  }

  const alreadyId = submission.error?.code === 'ALREADY_APPLIED' ? submission.error.params?.applicationId : undefined;
  return (
    <>
      <Heading slot="title" className="dialog__title">
        {t('applications.apply.title', { title: need.title })}
      </Heading>
      <form className="form" noValidate onSubmit={submit}>
        <div role="alert" className={submission.error ? 'alert alert--error' : 'live-region'}>
          {submission.error ? (
            <p>
              {errorMessage(submission.error)}
              {alreadyId ? (
                <>
                  {' '}
                  <Link to={`/my/applications/${alreadyId}`}>{t('applications.apply.viewApplication')}</Link>
                </>
              ) : null}
            </p>
          ) : null}
        </div>
        <Controller
          control={form.control}
          name="coverLetter"
          render={({ field, fieldState }) => (
            <TextField
              className="field"
              name={field.name}
              value={field.value ?? ''}
              onChange={field.onChange}
              onBlur={field.onBlur}
              isInvalid={fieldState.invalid}
              isRequired
              validationBehavior="aria"
              aria-describedby={counterId}
            >
              <Label className="field__label">{t('applications.apply.coverLetter')}</Label>
              <Text slot="description" className="field__description">
                {t('applications.apply.coverLetterHelp', { company })}
              </Text>
              <div className="field__control">
                <TextArea ref={field.ref} className="field__input field__input--multiline" rows={10} />
              </div>
              <FieldError className="field__error">{translateIssue(fieldState.error?.message)}</FieldError>
            </TextField>
          )}
        />
        <p id={counterId} className={left < 0 ? 'char-counter char-counter--over' : 'char-counter'}>
          {t('applications.apply.counter', { count: letter.length, max: COVER_LETTER_MAX })}
        </p>
        <p className="visually-hidden" aria-live="polite">
          {warning}
        </p>
        <div className="alert alert--info">
          <p>{t('applications.apply.profileShared', { company })}</p>
          {profileLoading ? null : profile ? (
            <p>
              {t('applications.apply.profileSummary', {
                field: profile.fieldOfStudy,
                level: t(`studyLevels.${profile.studyLevel}`),
              })}{' '}
              <Link to="/my/profile">{t('applications.apply.editProfile')}</Link>
            </p>
          ) : (
            <p>
              {t('applications.apply.noProfile')} <Link to="/my/profile">{t('applications.apply.createProfile')}</Link>
            </p>
          )}
        </div>
        <div className="dialog__actions">
          <Button className="button button--secondary" onPress={close} isDisabled={form.formState.isSubmitting}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" className="button button--primary" isPending={form.formState.isSubmitting}>
            {t('applications.apply.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
