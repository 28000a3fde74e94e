import { LOCALES, SEARCH_KINDS, type Locale, type SearchKind } from '@keskusvaraamo/shared';
import { useId, useMemo, type ReactNode } from 'react';
import {
  Button,
  Checkbox,
  Disclosure,
  DisclosurePanel,
  Heading,
  Label,
  Radio,
  RadioGroup,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  CheckboxGroupField,
  CheckboxMark,
  DateField,
  SelectField,
  TopicPicker,
  useMunicipalityOptions,
} from '../../../shared/forms';
import { useFormatters } from '../../../shared/i18n';
import type { FacetCount, SearchFacets } from '../operations';
import { DISTANCES_KM, MAX_PRICES_EUR, type SearchChange, type SearchState } from '../searchParams';

interface SearchFiltersProps {
  state: SearchState;
  /** Counts per value with the other filters applied; null while the first results load. */
  facets: SearchFacets | null;
  onChange: SearchChange;
}

const countMap = (counts: FacetCount[] | undefined) => new Map((counts ?? []).map((c) => [c.value, c.count]));

const REMOTE_OPTIONS = ['any', 'remote', 'onsite'] as const;

/** The filters of the search; every change becomes a new URL (see searchParams). */
export function SearchFilters({ state, facets, onChange }: SearchFiltersProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const municipalityOptions = useMunicipalityOptions();
  const nearOptions = useMunicipalityOptions(t('search.filters.nowhere'));
  const kindCounts = useMemo(() => countMap(facets?.kinds), [facets]);
  const topicCounts = useMemo(() => (facets ? countMap(facets.topics) : undefined), [facets]);
  const municipalityCounts = useMemo(() => countMap(facets?.municipalities), [facets]);
  const languageCounts = useMemo(() => countMap(facets?.languages), [facets]);
  const set = (patch: Partial<SearchState>) => onChange((current) => ({ ...current, ...patch }));
  const withCount = (counts: Map<string, number>, value: string) => (facets ? (counts.get(value) ?? 0) : undefined);

  return (
    <div className="search-filters">
      <CheckboxGroupField
        label={t('search.filters.kinds')}
        className="checkbox-group--stacked"
        options={SEARCH_KINDS.map((kind) => ({
          id: kind,
          label: t(`searchKinds.${kind}`),
          count: withCount(kindCounts, kind),
        }))}
        value={state.kinds}
        onChange={(kinds) => set({ kinds: kinds as SearchKind[] })}
      />

      <FilterSection title={t('search.filters.topics')} count={state.topics.length}>
        <TopicPicker
          label={t('search.filters.topicsLabel')}
          includeGroups
          counts={topicCounts}
          value={state.topics}
          onChange={(topics) => set({ topics })}
        />
      </FilterSection>

      <FilterSection
        title={t('search.filters.place')}
        count={
          state.municipalities.length + (state.near && state.km !== null ? 1 : 0) + (state.remote !== null ? 1 : 0)
        }
      >
        <RadioGroup
          className="field radio-group radio-group--compact"
          value={state.remote === null ? 'any' : state.remote ? 'remote' : 'onsite'}
          onChange={(value) => set({ remote: value === 'any' ? null : value === 'remote' })}
        >
          <Label className="field__label">{t('search.filters.remote')}</Label>
          <div className="radio-group__options">
            {REMOTE_OPTIONS.map((option) => (
              <Radio key={option} value={option} className="radio">
                <span className="radio__indicator" aria-hidden="true" />
                <span className="radio__label">{t(`search.filters.remoteOptions.${option}`)}</span>
              </Radio>
            ))}
          </div>
        </RadioGroup>
        <SelectField
          label={t('search.filters.near')}
          description={t('search.filters.nearHint')}
          options={nearOptions}
          value={state.near ?? ''}
          onChange={(near) =>
            set({
              near: near || null,
              km: near ? state.km : null,
              sort: !near && state.sort === 'NEAREST' ? 'RELEVANCE' : state.sort,
            })
          }
        />
        <SelectField
          label={t('search.filters.within')}
          isDisabled={!state.near}
          options={[
            { id: '', label: t('search.filters.anyDistance') },
            ...DISTANCES_KM.map((km) => ({ id: String(km), label: format.km(km) })),
          ]}
          value={state.km === null ? '' : String(state.km)}
          onChange={(km) => set({ km: km ? Number(km) : null })}
        />
        <CheckboxGroupField
          label={t('search.filters.municipalities')}
          className="checkbox-group--stacked"
          options={municipalityOptions.map((option) => ({
            ...option,
            count: withCount(municipalityCounts, option.id),
          }))}
          value={state.municipalities}
          onChange={(municipalities) => set({ municipalities })}
        />
      </FilterSection>

      <FilterSection title={t('search.filters.time')} count={(state.from ? 1 : 0) + (state.to ? 1 : 0)}>
        <p className="field__description">{t('search.filters.timeHint')}</p>
        <DateField
          label={t('search.filters.from')}
          value={state.from ?? ''}
          onChange={(from) => set({ from: from || null })}
        />
        <DateField label={t('search.filters.to')} value={state.to ?? ''} onChange={(to) => set({ to: to || null })} />
      </FilterSection>

      <FilterSection
        title={t('search.filters.more')}
        count={(state.freeSeats ? 1 : 0) + state.languages.length + (state.maxPrice !== null ? 1 : 0)}
      >
        <Checkbox className="checkbox" isSelected={state.freeSeats} onChange={(freeSeats) => set({ freeSeats })}>
          <CheckboxMark />
          <span>{t('search.filters.freeSeats')}</span>
        </Checkbox>
        <SelectField
          label={t('search.filters.maxPrice')}
          options={[
            { id: '', label: t('search.filters.anyPrice') },
            ...MAX_PRICES_EUR.map((euros) => ({
              id: String(euros),
              label:
                euros === 0
                  ? t('search.filters.freeOnly')
                  : t('search.filters.atMost', { price: format.money(euros * 100) }),
            })),
          ]}
          value={state.maxPrice === null ? '' : String(state.maxPrice)}
          onChange={(maxPrice) => set({ maxPrice: maxPrice === '' ? null : Number(maxPrice) })}
        />
        <CheckboxGroupField
          label={t('search.filters.languages')}
          options={LOCALES.map((language) => ({
            id: language,
            label: t(`languages.${language}`),
            count: withCount(languageCounts, language),
          }))}
          value={state.languages}
          onChange={(languages) => set({ languages: languages as Locale[] })}
        />
      </FilterSection>
    </div>
  );
}

/** A group of filters that folds away; open from the start when one of its filters is in use. */
function FilterSection({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Disclosure className="disclosure filter-section" defaultExpanded={count > 0} id={id}>
      <Heading level={3} className="disclosure__heading">
        <Button slot="trigger" className="disclosure__trigger">
          <span className="disclosure__chevron" aria-hidden="true">
            ▸
          </span>
          {title}
          {count > 0 ? <span className="badge badge--info">{t('search.filters.inUse', { count })}</span> : null}
        </Button>
      </Heading>
      <DisclosurePanel className="disclosure__panel filter-section__panel">{children}</DisclosurePanel>
    </Disclosure>
  );
}
