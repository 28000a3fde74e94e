import { needSchema } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n';
import { NeedFacts } from './NeedFacts';
import { toNeedInput, type NeedFormValues } from './needForm';
import type { Company } from './NeedWizard';

/** The last step: the need as others will see it, before saving or publishing. */
export function NeedReview({ values, companies }: { values: NeedFormValues; companies: Company[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const parsed = needSchema.safeParse(toNeedInput(values, locale));
  if (!parsed.success) return <p className="alert alert--warning">{t('needs.wizard.reviewIncomplete')}</p>;
  const need = parsed.data;
  const organisationName = companies.find((c) => c.id === need.organisationId)?.name ?? null;
  return (
    <div className="review">
      <p>{t('needs.wizard.reviewHelp')}</p>
      <h3 className="review__title">{need.title}</h3>
      <p className="prewrap">{need.description}</p>
      <NeedFacts need={{ ...need, organisationName }} />
    </div>
  );
}
