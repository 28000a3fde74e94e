import { REPORT_TEXTS } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n';
import type { PublicFigure } from '../operations';

/**
 * A public figure's label and definition: the report's own (shared REPORT_TEXTS, the same words
 * the coordinator's report and its CSV use), or the results page's for the one figure only the
 * public results have.
 */
export function useFigureText(): (figure: PublicFigure) => { label: string; definition: string } {
  const { t } = useTranslation();
  const locale = useLocale();
  return (figure) =>
    figure === 'municipalitiesReached'
      ? {
          label: t('results.municipalitiesReached.label'),
          definition: t('results.municipalitiesReached.definition'),
        }
      : REPORT_TEXTS[locale][figure];
}
