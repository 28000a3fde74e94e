import { municipalityName } from '@keskusvaraamo/shared';
import { geoArea, geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Polygon, MultiPolygon } from 'geojson';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTL_LOCALES, useLocale } from '../../../shared/i18n';
import { useReportFormat } from '../format';
import type { MunicipalityReach } from '../operations';

type Municipalities = FeatureCollection<Polygon | MultiPolygon, { code: string; name_fi: string; name_sv: string }>;

const WIDTH = 400;
const HEIGHT = 560;

/** Lightest for none, then darker for more people served; each class is named in the legend with its range. */
const SHADES = ['#eef1f3', '#c4dbe9', '#8cb8d3', '#4a88b0', '#0b4f6c'] as const;

/**
 * The people-served classes for the legend: none, then up to four ranges of equal width from 1 to
 * the largest value, in whole people.
 */
export function shadeClasses(max: number): Array<{ from: number; to: number }> {
  const classes = [{ from: 0, to: 0 }];
  if (max <= 0) return classes;
  const count = Math.min(SHADES.length - 1, max);
  const step = Math.ceil(max / count);
  for (let from = 1; from <= max; from += step) classes.push({ from, to: Math.min(from + step - 1, max) });
  return classes;
}

const classOf = (classes: Array<{ from: number; to: number }>, people: number) =>
  Math.max(
    0,
    classes.findIndex((c) => people >= c.from && people <= c.to),
  );

/**
 * d3 draws a polygon whose ring runs counter-clockwise as the whole globe minus that polygon; the
 * borders file runs clockwise, but a ring turned the other way would fill the map, so turn it back.
 */
function rewound(feature: Municipalities['features'][number]): Municipalities['features'][number] {
  if (geoArea(feature) <= 2 * Math.PI) return feature;
  const reverse = (rings: number[][][]) => rings.map((ring) => [...ring].reverse());
  const geometry: Polygon | MultiPolygon =
    feature.geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: reverse(feature.geometry.coordinates) }
      : { type: 'MultiPolygon', coordinates: feature.geometry.coordinates.map(reverse) };
  return { ...feature, geometry } as Feature<Polygon | MultiPolygon, Municipalities['features'][number]['properties']>;
}

/** The borders, loaded with this page only (about 15 kB). */
function useMunicipalities(): Municipalities | null {
  const [data, setData] = useState<Municipalities | null>(null);
  useEffect(() => {
    let live = true;
    void import('@keskusvaraamo/shared/data/lapland-municipalities.geo.json').then((module) => {
      if (live) setData(module.default as unknown as Municipalities);
    });
    return () => {
      live = false;
    };
  }, []);
  return data;
}

/**
 * Lapland's 21 municipalities shaded by the people served in the period, with a legend of the
 * ranges and, for screen readers, a label summarising it (the table beside it has every figure).
 */
export function LaplandMap({ reach }: { reach: MunicipalityReach[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useReportFormat();
  const municipalities = useMunicipalities();
  const byCode = useMemo(
    () => new Map(reach.filter((r) => r.municipalityCode !== null).map((r) => [r.municipalityCode!, r])),
    [reach],
  );
  const max = Math.max(0, ...[...byCode.values()].map((r) => r.people));
  const classes = shadeClasses(max);

  const paths = useMemo(() => {
    if (!municipalities) return [];
    const features = municipalities.features.map(rewound);
    const projection = geoMercator().fitSize([WIDTH, HEIGHT], { type: 'FeatureCollection', features });
    const path = geoPath(projection);
    return features.map((feature) => ({ code: feature.properties.code, d: path(feature) ?? '' }));
  }, [municipalities]);

  const served = [...byCode.values()].filter((r) => r.people > 0).sort((a, b) => b.people - a.people);
  const list = new Intl.ListFormat(INTL_LOCALES[locale], { type: 'conjunction' });
  const summary =
    served.length === 0
      ? t('reports.map.labelNone')
      : t('reports.map.label', {
          count: served.length,
          most: list.format(
            served
              .slice(0, 3)
              .map((r) => `${municipalityName(r.municipalityCode!, locale)} (${format.count(r.people)})`),
          ),
        });

  return (
    <div className="report-map">
      {municipalities ? (
        <svg className="report-map__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary}>
          {paths.map(({ code, d }) => {
            const r = byCode.get(code);
            const people = r?.people ?? 0;
            return (
              <path key={code} d={d} fill={SHADES[classOf(classes, people)]} stroke="#4a5965" strokeWidth={0.75}>
                <title>
                  {t('reports.map.municipalityTitle', {
                    name: municipalityName(code, locale),
                    people: format.count(people),
                    companies: format.count(r?.companies ?? 0),
                    previousPeople: format.count(r?.previousPeople ?? 0),
                    previousCompanies: format.count(r?.previousCompanies ?? 0),
                  })}
                </title>
              </path>
            );
          })}
        </svg>
      ) : (
        <p className="report-map__loading">{t('common.loading')}</p>
      )}
      <div className="report-map__legend">
        <p className="report-map__legend-title" id="report-map-legend">
          {t('reports.map.legend')}
        </p>
        <ul aria-labelledby="report-map-legend">
          {classes.map((c, index) => (
            <li key={c.from}>
              <svg className="report-map__swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <rect width="16" height="16" fill={SHADES[index]} stroke="#4a5965" />
              </svg>
              {c.to === 0
                ? t('reports.map.none')
                : c.from === c.to
                  ? format.count(c.from)
                  : t('reports.map.range', { from: format.count(c.from), to: format.count(c.to) })}
            </li>
          ))}
        </ul>
      </div>
      <p className="report-map__attribution">
        {t('reports.map.attribution')}{' '}
        <a href={`https://creativecommons.org/licenses/by/4.0/deed.${locale}`} rel="license noreferrer">
          {t('reports.map.licence')}
        </a>
      </p>
    </div>
  );
}
