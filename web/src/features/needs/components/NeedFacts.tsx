import { isPlacementKind, municipalityName } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { useFormatters, useLocale } from '../../../shared/i18n';
import { TopicList } from '../../../shared/ui';
import type { Need } from '../operations';

export type NeedFactsData = Pick<
  Need,
  | 'kind'
  | 'topics'
  | 'municipalityCode'
  | 'remote'
  | 'periodStart'
  | 'periodEnd'
  | 'positions'
  | 'payKind'
  | 'payAmountCents'
  | 'budgetCents'
  | 'thesisLevel'
  | 'languages'
  | 'applicationDeadline'
> & { organisationName: string | null };

/**
 * A need's facts as a description list, on its page and in the form's review step; `glance`, the
 * few a phone's first screen answers with (where, when, how many, the pay or budget, the deadline),
 * two to a row.
 */
export function NeedFacts({ need, glance = false }: { need: NeedFactsData; glance?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  const placement = isPlacementKind(need.kind);
  const place = [
    need.municipalityCode ? municipalityName(need.municipalityCode, locale) : null,
    need.remote ? t('needs.details.remote') : null,
  ]
    .filter(Boolean)
    .join(' · ');

  let pay: string | null = null;
  if (placement && need.payKind === 'PAID') {
    pay =
      need.payAmountCents !== null
        ? t('needs.details.payPerMonth', { amount: format.money(need.payAmountCents) })
        : t('payKinds.PAID');
  } else if (placement && need.payKind === 'UNPAID') pay = t('payKinds.UNPAID');

  return (
    <dl className={glance ? 'details details--compact details--glance' : 'details'}>
      {glance ? null : (
        <>
          <Fact label={t('needs.details.kind')}>{t(`needKinds.${need.kind}`)}</Fact>
          <Fact label={t('needs.fields.postedFor')}>{need.organisationName ?? t('needs.details.person')}</Fact>
        </>
      )}
      <Fact label={t('needs.details.place')}>{place}</Fact>
      <Fact label={t(placement ? 'needs.details.workPeriod' : 'needs.details.period')}>
        {format.dayRange(need.periodStart, need.periodEnd)}
      </Fact>
      <Fact label={t(placement ? 'needs.fields.positions' : 'needs.fields.people')}>
        {new Intl.NumberFormat(locale).format(need.positions)}
      </Fact>
      {pay ? <Fact label={t('needs.details.pay')}>{pay}</Fact> : null}
      {!glance && need.kind === 'THESIS' && need.thesisLevel ? (
        <Fact label={t('needs.fields.thesisLevel')}>{t(`studyLevels.${need.thesisLevel}`)}</Fact>
      ) : null}
      {need.kind === 'COURSE' && need.budgetCents !== null ? (
        <Fact label={t('needs.details.budget')}>{format.money(need.budgetCents)}</Fact>
      ) : null}
      {need.applicationDeadline ? (
        <Fact label={t(placement ? 'needs.fields.applicationDeadline' : 'needs.fields.answerBy')}>
          {format.day(need.applicationDeadline)}
        </Fact>
      ) : null}
      {glance ? null : (
        <>
          <Fact label={t(placement ? 'needs.fields.workLanguages' : 'needs.fields.trainingLanguages')}>
            {need.languages.map((l) => t(`languages.${l}`)).join(', ')}
          </Fact>
          <div className="details__wide">
            <dt>{t('needs.fields.topics')}</dt>
            <dd>
              <TopicList topics={need.topics} />
            </dd>
          </div>
        </>
      )}
    </dl>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
