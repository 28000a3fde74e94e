import { isPlacementKind, municipalityName } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../shared/i18n';
import type { SearchResult } from './operations';

/** The placements are needs; courses and student pools are offers. */
export function resultPath(result: Pick<SearchResult, 'id' | 'kind'>): string {
  return isPlacementKind(result.kind) ? `/needs/${result.id}` : `/offers/${result.id}`;
}

/**
 * Where an item is, as a result says it: its municipality, and that a course is online or a
 * placement can be done remotely ("Salla · Etänä").
 */
export function useResultPlace(): (result: Pick<SearchResult, 'kind' | 'remote' | 'municipalityCode'>) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  return (result) =>
    [
      result.municipalityCode ? municipalityName(result.municipalityCode, locale) : null,
      result.remote ? t(result.kind === 'COURSE' ? 'search.result.online' : 'search.result.remote') : null,
    ]
      .filter(Boolean)
      .join(' · ');
}
