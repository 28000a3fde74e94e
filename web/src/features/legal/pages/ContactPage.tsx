import { zodResolver } from '@hookform/resolvers/zod';
import { FEEDBACK_TOPICS, feedbackSchema, type FeedbackTopic } from '@keskusvaraamo/shared';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { FormErrorSummary, FormRadioGroup, FormTextField, useSubmitError } from '../../../shared/forms';
import { useLocale } from '../../../shared/i18n';
import { ErrorAlert, Loading, Page, StatusMessage } from '../../../shared/ui';
import { OperatorDetails } from '../components/OperatorDetails';
import { RichText } from '../components/RichText';
import { useLegalInfo } from '../components/useLegalInfo';
import { SendFeedbackMutation } from '../operations';
import '../legal.css';

const isTopic = (value: string | null): value is FeedbackTopic =>
  (FEEDBACK_TOPICS as readonly (string | null)[]).includes(value);

/** A path of this site from `?page=` (the page the feedback is about), else empty. */
const pageParam = (value: string | null) => (value && value.startsWith('/') ? value.slice(0, 500) : '');

/**
 * The operator's contact details and a feedback form for anyone, signed in or not; `?topic=`
 * chooses the topic (the accessibility statement links ACCESSIBILITY, the privacy notice PRIVACY)
 * and `?page=` the page it is about. Name and address are optional: feedback may be anonymous.
 */
export function ContactPage() {
  const { t } = useTranslation();
  const { info, fetching, error } = useLegalInfo();
  return (
    <Page title={t('legal.contact.title')} lead={t('legal.contact.lead')} className="page--medium legal">
      <section className="legal__section" aria-labelledby="operator-heading">
        <h2 id="operator-heading">{t('legal.operator.heading')}</h2>
        <ErrorAlert error={error} />
        {info ? <OperatorDetails info={info} /> : fetching ? <Loading /> : null}
      </section>
      <FeedbackForm />
    </Page>
  );
}

function FeedbackForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [searchParams] = useSearchParams();
  const topicParam = searchParams.get('topic');
  const form = useForm({
    resolver: zodResolver(feedbackSchema),
    defaultValues: {
      topic: isTopic(topicParam) ? topicParam : undefined,
      message: '',
      page: pageParam(searchParams.get('page')),
      name: '',
      email: '',
    },
  });
  const submission = useSubmitError(form);
  const [, send] = useMutation(SendFeedbackMutation);
  // Null until sent; then the address the answer goes to ('' when none was given).
  const [sentTo, setSentTo] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    submission.clear();
    const result = await send(
      { input: values },
      // The operator's copy notes the language the sender wrote in: the one in use here.
      { fetchOptions: { credentials: 'include', headers: { 'Accept-Language': locale } } },
    );
    if (result.data?.sendFeedback) {
      setSentTo(values.email ?? '');
      form.reset();
    } else if (result.error) submission.report(result.error);
  });

  const topicOptions = FEEDBACK_TOPICS.map((topic) => ({
    id: topic,
    label: t(`legal.contact.topics.${topic}`),
    description: t(`legal.contact.topicDescriptions.${topic}`),
  }));

  return (
    <section className="legal__section" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">{t('legal.contact.formHeading')}</h2>
      {sentTo !== null ? (
        <>
          <StatusMessage>
            {t('legal.contact.sent')}{' '}
            {sentTo ? t('legal.contact.sentReply', { email: sentTo }) : t('legal.contact.sentAnonymous')}
          </StatusMessage>
          <div className="form__actions">
            <Button className="button button--secondary" onPress={() => setSentTo(null)}>
              {t('legal.contact.sendAnother')}
            </Button>
          </div>
        </>
      ) : (
        <form className="form card" noValidate onSubmit={onSubmit} aria-labelledby="feedback-heading">
          <FormErrorSummary submission={submission} />
          <FormRadioGroup
            control={form.control}
            name="topic"
            label={t('legal.contact.topic')}
            options={topicOptions}
            isRequired
          />
          <FormTextField
            control={form.control}
            name="message"
            label={t('legal.contact.message')}
            description={t('legal.contact.messageHint')}
            multiline
            isRequired
          />
          <FormTextField
            control={form.control}
            name="page"
            label={t('legal.contact.page')}
            description={t('legal.contact.pageHint')}
          />
          <FormTextField control={form.control} name="name" label={t('legal.contact.name')} autoComplete="name" />
          <FormTextField
            control={form.control}
            name="email"
            type="email"
            label={t('legal.contact.email')}
            description={t('legal.contact.emailHint')}
            autoComplete="email"
            inputMode="email"
          />
          <p className="form__note">
            <RichText i18nKey="legal.contact.privacyNote" />
          </p>
          <div className="form__actions">
            <Button type="submit" className="button button--primary" isPending={form.formState.isSubmitting}>
              {t('legal.contact.submit')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
