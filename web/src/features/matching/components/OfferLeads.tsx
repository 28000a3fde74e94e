import type { OfferKind, OfferState } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { hasCode, toAppError } from '../../../shared/graphql';
import { EmptyState, ErrorAlert, Loading } from '../../../shared/ui';
import { OfferLeadsQuery as LeadsQuery } from '../operations';
import { MatchList } from './MatchList';
import { ProposeButton } from './ProposeDialog';

const LEAD_COUNT = 5;

/**
 * "Needs you could answer" on an offer's page for its organisation: open needs the offer fits,
 * with why. For a course, a COURSE need can be answered at once by proposing the course.
 */
export function OfferLeads({
  offer,
}: {
  offer: { id: string; title: string; kind: OfferKind; state: OfferState; canEdit: boolean };
}) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({
    query: LeadsQuery,
    variables: { id: offer.id, first: LEAD_COUNT },
    pause: !offer.canEdit,
  });
  if (!offer.canEdit) return null;
  const appError = error ? toAppError(error) : null;
  if (hasCode(appError, 'FORBIDDEN')) return null;
  const leads = data?.offer?.leads ?? null;
  const canPropose = offer.kind === 'COURSE' && offer.state === 'PUBLISHED';

  return (
    <section className="card" aria-labelledby="offer-leads-heading">
      <h2 id="offer-leads-heading">{t('matching.leads.heading')}</h2>
      <p className="muted">{t('matching.leads.lead')}</p>
      {appError ? <ErrorAlert error={appError} /> : null}
      {leads ? (
        leads.length === 0 ? (
          <EmptyState title={t('matching.leads.empty')} />
        ) : (
          <MatchList
            matches={leads}
            action={
              canPropose
                ? (lead) =>
                    lead.kind === 'NEED' && lead.itemKind === 'COURSE' ? (
                      <div className="button-row">
                        <ProposeButton
                          label={t('matching.leads.proposeCourse')}
                          context={lead.title}
                          target={{
                            needId: lead.id,
                            needTitle: lead.title,
                            targetKind: 'OFFER',
                            targetId: offer.id,
                            targetTitle: offer.title,
                          }}
                        />
                      </div>
                    ) : null
                : undefined
            }
          />
        )
      ) : fetching ? (
        <Loading shape="list" />
      ) : null}
    </section>
  );
}
