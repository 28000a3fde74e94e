import { zodResolver } from '@hookform/resolvers/zod';
import { municipalityName, topicById } from '@keskusvaraamo/shared';
import { useEffect, useRef, useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { z } from 'zod';
import { FormErrorSummary, FormSelect, FormTextField, useSubmitError } from '../../../shared/forms';
import { toAppError } from '../../../shared/graphql';
import { useFormatters, useLocale } from '../../../shared/i18n';
import { useSession } from '../../../shared/session';
import { EmptyState, ErrorAlert, Loading, Page } from '../../../shared/ui';
import { hasRole } from '../../../shared/utils/roles';
import { noteSchema } from '../components/ProposeDialog';
import { AnswerDemandPoolMutation, DemandPoolsQuery, PoolCoursesQuery, type DemandPool } from '../operations';

/** A pool's one-line summary in the reader's words: "14 people from 6 companies want … in spring 2027". */
export function usePoolSummary() {
  const { t } = useTranslation();
  const locale = useLocale();
  return ({ summary }: Pick<DemandPool, 'summary'>) => {
    const places = summary.places.map((code) => municipalityName(code, locale)).join('–');
    const where = places
      ? summary.remote
        ? t('pools.wherePlacesRemote', { places })
        : t('pools.wherePlaces', { places })
      : t('pools.whereRemote');
    return t('pools.summary', {
      people: t('pools.people', { count: summary.people }),
      companies: t('pools.companies', { count: summary.companies }),
      topic: topicById(summary.topic)?.labels[locale] ?? summary.topic,
      where,
      when: t(`pools.seasons.${summary.season}`, { year: summary.year, nextYear: summary.year + 1 }),
    });
  };
}

/**
 * Demand pools for educators and coordinators: course needs of several companies that one course
 * could answer. An educator answers a pool with one of their published courses.
 */
export function PoolsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const educator = hasRole(user, 'EDUCATOR');
  const [{ data, fetching, error }] = useQuery({ query: DemandPoolsQuery, variables: {} });
  const pools = data?.demandPools ?? null;
  return (
    <Page title={t('pools.title')} lead={t('pools.lead')}>
      {error ? <ErrorAlert error={toAppError(error)} /> : null}
      {pools ? (
        pools.length === 0 ? (
          <div className="card">
            <EmptyState title={t('pools.empty')} />
          </div>
        ) : (
          <ul className="card-list">
            {pools.map((pool) => (
              <PoolCard key={pool.key} pool={pool} educator={educator} />
            ))}
          </ul>
        )
      ) : fetching ? (
        <Loading shape="list" />
      ) : null}
    </Page>
  );
}

function PoolCard({ pool, educator }: { pool: DemandPool; educator: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const summarise = usePoolSummary();
  const headingId = `pool-${pool.key}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {summarise(pool)}
      </h2>
      <h3>{t('pools.needsHeading')}</h3>
      <ul>
        {pool.needs.map((need) => (
          <li key={need.id}>
            <Link to={`/needs/${need.id}`}>{need.title}</Link>
            {need.organisation ? ` · ${need.organisation.name}` : ''} ·{' '}
            {t('pools.positions', { count: need.positions })}
          </li>
        ))}
      </ul>
      {pool.answers.length > 0 ? (
        <>
          <h3>{t('pools.answeredHeading')}</h3>
          <ul>
            {pool.answers.map((answer) => (
              <li key={answer.offerId}>
                <Link to={`/offers/${answer.offerId}`}>{answer.offerTitle}</Link> ·{' '}
                {t('pools.answeredBy', { count: answer.needCount, date: format.date(answer.firstProposedAt) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {educator ? (
        <div className="button-row">
          <AnswerPoolButton pool={pool} />
          <Link className="button button--secondary" to={newCourseFor(pool)}>
            {t('pools.newCourse')}
            <span className="visually-hidden">: {summarise(pool)}</span>
          </Link>
        </div>
      ) : null}
    </li>
  );
}

const answerSchema = noteSchema.extend({
  offerId: z.string({ error: 'validation.required' }).min(1, { error: 'validation.required' }),
});
type AnswerValues = z.input<typeof answerSchema>;
type AnswerOutput = z.output<typeof answerSchema>;

function AnswerPoolButton({ pool }: { pool: DemandPool }) {
  const { t } = useTranslation();
  const summarise = usePoolSummary();
  return (
    <DialogTrigger>
      <Button className="button button--primary">
        {t('pools.answer')}
        <span className="visually-hidden">: {summarise(pool)}</span>
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">{({ close }) => <AnswerPoolForm pool={pool} close={close} />}</Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

function AnswerPoolForm({ pool, close }: { pool: DemandPool; close: () => void }) {
  const { t } = useTranslation();
  const summarise = usePoolSummary();
  const [{ data: offersData, fetching: offersLoading }] = useQuery({ query: PoolCoursesQuery });
  const courses = (offersData?.myOffers.nodes ?? []).filter((offer) => offer.kind === 'COURSE');
  const [, answer] = useMutation(AnswerDemandPoolMutation);
  const [done, setDone] = useState<{ made: number; skipped: number } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useForm<AnswerValues, unknown, AnswerOutput>({
    resolver: zodResolver(answerSchema),
    defaultValues: { offerId: '', note: '' },
  });
  const submission = useSubmitError(form);

  useEffect(() => {
    if (done) headingRef.current?.focus();
  }, [done]);

  const submit = form.handleSubmit(async ({ offerId, note }) => {
    submission.clear();
    const result = await answer({ input: { poolKey: pool.key, offerId, note } });
    if (result.error) {
      submission.report(result.error);
      return;
    }
    if (result.data) {
      const { proposals, skippedNeedIds } = result.data.answerDemandPool;
      setDone({ made: proposals.length, skipped: skippedNeedIds.length });
    }
  });

  if (done) {
    return (
      <>
        <Heading slot="title" className="dialog__title" ref={headingRef} tabIndex={-1}>
          {t('pools.answered', { count: done.made })}
        </Heading>
        <div className="dialog__body">
          {done.skipped > 0 ? <p>{t('pools.skipped', { count: done.skipped })}</p> : null}
        </div>
        <div className="dialog__actions">
          <Link className="button button--secondary" to="/my/proposals">
            {t('proposals.mine.title')}
          </Link>
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
        {t('pools.answerTitle')}
      </Heading>
      <div className="dialog__body">
        <p>{summarise(pool)}</p>
      </div>
      {offersLoading ? (
        <Loading shape="list" />
      ) : courses.length === 0 ? (
        <>
          <p>{t('pools.noCourses')}</p>
          <div className="dialog__actions">
            <Button className="button button--secondary" onPress={close}>
              {t('common.close')}
            </Button>
          </div>
        </>
      ) : (
        <form className="form" noValidate onSubmit={submit}>
          <FormErrorSummary submission={submission} />
          <FormSelect
            control={form.control}
            name="offerId"
            label={t('pools.course')}
            isRequired
            options={courses.map((course) => ({ id: course.id, label: course.title }))}
          />
          <FormTextField control={form.control} name="note" label={t('pools.answerNote')} isRequired multiline />
          <div className="dialog__actions">
            <Button className="button button--secondary" onPress={close} isDisabled={form.formState.isSubmitting}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" className="button button--primary" isPending={form.formState.isSubmitting}>
              {t('pools.answerSubmit')}
            </Button>
          </div>
        </form>
      )}
    </>
  );
}

/** The new-course form started from a pool: its topic, its first place, online when its needs allow it. */
function newCourseFor(pool: DemandPool): string {
  const params = new URLSearchParams({ topic: pool.topic });
  const [place] = pool.summary.places;
  if (place) params.set('municipality', place);
  if (pool.summary.remote) params.set('online', '1');
  return `/offers/new?${params.toString()}`;
}
