import {
  MATCH_HOWS,
  municipalityName,
  NEED_KINDS,
  NEED_STATES,
  PLACEMENT_KINDS,
  presetPeriod,
  REPORT_BREAKDOWN_TEXTS,
  type ReportPeriod,
} from '@keskusvaraamo/shared';
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { Navigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { helsinkiToday, INTL_LOCALES, useFormatters, useLocale, useTranslateIssue } from '../../../shared/i18n';
import { DownloadButton, ErrorAlert, Loading, Page } from '../../../shared/ui';
import { UnmetDemandList } from '../../unmetDemand';
import { Bars, BarAndLine, ChartFigure, DataTable } from '../components/Charts';
import { FigureCard, FigureList, ReportSection, Shown, useFigureText } from '../components/Figures';
import { LaplandMap } from '../components/LaplandMap';
import { PeriodPicker } from '../components/PeriodPicker';
import { useReportFormat } from '../format';
import { ClusterReportQuery, type ClusterReport, type Figure } from '../operations';
import { periodFromParams, periodParams } from '../period';
import '../reports.css';

/** The report shows the largest rows of unmet demand; the unmet-demand page has them all. */
const UNMET_DEMAND_ROWS = 20;

/**
 * The coordinator's report of the cluster's work in a period, each figure beside the period
 * before it: figures with their definitions, charts with their data as tables, the map of
 * Lapland, the downloads and a print view. The period lives in the address, so a report can be
 * bookmarked and shared.
 */
export function ReportsPage() {
  const translateIssue = useTranslateIssue();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [today] = useState(() => helsinkiToday());
  const inUrl = periodFromParams(params);
  const period = inUrl.kind === 'valid' ? inUrl.period : null;
  const [result, reexecute] = useQuery({
    query: ClusterReportQuery,
    variables: period ?? { from: '', to: '' },
    pause: period === null,
  });

  if (inUrl.kind === 'none') {
    return <Navigate to={{ search: periodParams(presetPeriod('THIS_YEAR', today)).toString() }} replace />;
  }
  const report = period && result.data?.clusterReport;
  const error = result.error ? toAppError(result.error) : null;

  return (
    <Page title={t('reports.title')} lead={t('reports.lead')} className="report">
      <PeriodPicker period={period} today={today} onChange={(next) => setParams(periodParams(next))} />
      {inUrl.kind === 'invalid' ? (
        <div role="alert" className="alert alert--error">
          <p>
            {t('reports.period.invalidAddress')} {translateIssue(inUrl.issue)}
          </p>
        </div>
      ) : null}
      {period ? <ReportBody period={period} report={report || null} /> : null}
      {period && result.fetching && !report ? <Loading label={t('reports.loading')} shape="detail" /> : null}
      {error ? (
        <>
          <ErrorAlert error={error} />
          <Button className="button button--secondary" onPress={() => reexecute({ requestPolicy: 'network-only' })}>
            {t('common.retry')}
          </Button>
        </>
      ) : null}
    </Page>
  );
}

function PeriodLine({ period, previous }: { period: ReportPeriod; previous: ReportPeriod }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <p className="report-period">
      {t('reports.period.shown', {
        period: format.dayRange(period.from, period.to),
        previous: format.dayRange(previous.from, previous.to),
      })}
    </p>
  );
}

/** Opens every "Show as table" for printing (and closes again those that were closed). */
function usePrintView(container: React.RefObject<HTMLElement | null>, onBeforePrint: () => void) {
  const onBefore = useRef(onBeforePrint);
  useEffect(() => {
    onBefore.current = onBeforePrint;
  });
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      onBefore.current();
      opened = [...(container.current?.querySelectorAll('details') ?? [])].filter((details) => !details.open);
      opened.forEach((details) => (details.open = true));
    };
    const after = () => {
      opened.forEach((details) => (details.open = false));
      opened = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [container]);
}

function ReportBody({ period, report }: { period: ReportPeriod; report: ClusterReport | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  const body = useRef<HTMLDivElement>(null);
  const [printedAt, setPrintedAt] = useState(() => new Date().toISOString());
  usePrintView(body, () => flushSync(() => setPrintedAt(new Date().toISOString())));
  const query = (extension: string) =>
    `/api/reports/cluster.${extension}?${new URLSearchParams({ from: period.from, to: period.to, lang: locale }).toString()}`;
  const fileName = (extension: string) =>
    `${t('reports.download.fileName', { from: period.from, to: period.to })}.${extension}`;

  return (
    <div ref={body} className="report-body">
      <div className="report-actions">
        <DownloadButton url={query('csv')} filename={fileName('csv')}>
          {t('reports.download.csv')}
        </DownloadButton>
        <DownloadButton url={query('xlsx')} filename={fileName('xlsx')}>
          {t('reports.download.xlsx')}
        </DownloadButton>
        <Button className="button button--secondary" onPress={() => window.print()}>
          {t('reports.print')}
        </Button>
      </div>
      {report ? (
        <>
          <div className="report-print-header">
            <p>{t('app.name')}</p>
            <p>{t('reports.generatedAt', { time: format.dateTime(printedAt) })}</p>
          </div>
          <PeriodLine period={report.period} previous={report.previousPeriod} />
          <Report report={report} locale={locale} />
        </>
      ) : null}
    </div>
  );
}

function Report({ report, locale }: { report: ClusterReport; locale: keyof typeof INTL_LOCALES }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const text = useFigureText();
  // The sections', kinds', states' and hows' names as the CSV and the Excel file write them.
  const names = REPORT_BREAKDOWN_TEXTS[locale];
  const monthName = (month: string, style: 'short' | 'long') =>
    new Intl.DateTimeFormat(INTL_LOCALES[locale], { month: style, year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${month}-01T00:00:00Z`),
    );
  const showTable = t('reports.showTable');
  const comparisonColumns = [
    t('reports.table.thisPeriod'),
    t('reports.table.previousPeriod'),
    t('reports.table.change'),
  ];
  const comparisonCells = (figure: Figure) => [
    format.count(figure.current),
    format.count(figure.previous),
    <Shown key="change" text={format.change(figure.current, figure.previous, 'count')} />,
  ];
  const series = { current: t('reports.table.thisPeriod'), previous: t('reports.table.previousPeriod') };

  // Needs per month, by kind: one row per month of the period.
  const months = [...new Set(report.needs.perMonth.map((m) => m.month))].sort();
  const needsPerMonth = months.map((month) => ({
    month: monthName(month, 'short'),
    ...Object.fromEntries(
      NEED_KINDS.map((kind) => [
        kind,
        report.needs.perMonth.find((m) => m.month === month && m.kind === kind)?.count ?? 0,
      ]),
    ),
  }));
  const kindSeries = NEED_KINDS.map((kind) => ({ key: kind, label: names.kinds[kind] }));

  // Needs by kind and state at the end of the period: the states that occur, in their usual order.
  const states = NEED_STATES.filter((state) => state !== 'DRAFT').filter((state) =>
    report.needs.byKindAndState.some((f) => f.state === state),
  );
  const byKindAndState = NEED_KINDS.map((kind) => ({
    kind: names.kinds[kind],
    ...Object.fromEntries(
      states.map((state) => [
        state,
        report.needs.byKindAndState.find((f) => f.kind === kind && f.state === state)?.current ?? 0,
      ]),
    ),
  }));

  const byHow = MATCH_HOWS.map((how) => {
    const figure = report.matches.byHow.find((f) => f.how === how) ?? { current: 0, previous: 0 };
    return { how, label: names.hows[how], ...figure };
  });
  const placements = PLACEMENT_KINDS.map((kind) => {
    const figure = report.placements.byKind.find((f) => f.kind === kind) ?? { current: 0, previous: 0 };
    return { kind, label: names.kinds[kind], ...figure };
  });

  const reachRows = [...report.reach.byMunicipality].sort((a, b) => {
    if (a.municipalityCode === null) return 1;
    if (b.municipalityCode === null) return -1;
    return municipalityName(a.municipalityCode, locale).localeCompare(
      municipalityName(b.municipalityCode, locale),
      INTL_LOCALES[locale],
    );
  });

  return (
    <>
      <ReportSection id="report-needs" title={names.sections.needs}>
        <FigureList>
          <FigureCard figure="needsPosted" value={report.needs.posted} />
        </FigureList>
        <ChartFigure
          id="chart-needs-per-month"
          title={text('newNeedsPerMonth').label}
          definition={text('newNeedsPerMonth').definition}
          showTableLabel={showTable}
          chart={
            <Bars
              title={text('newNeedsPerMonth').label}
              description={t('reports.charts.stackedByKind')}
              data={needsPerMonth}
              categoryKey="month"
              series={kindSeries}
              stacked
              formatValue={format.count}
            />
          }
          table={
            <DataTable
              caption={text('newNeedsPerMonth').label}
              columns={[t('reports.table.month'), ...kindSeries.map((s) => s.label), t('reports.table.total')]}
              rows={months.map((month) => {
                const counts = NEED_KINDS.map(
                  (kind) => report.needs.perMonth.find((m) => m.month === month && m.kind === kind)?.count ?? 0,
                );
                return {
                  key: month,
                  header: monthName(month, 'long'),
                  cells: [...counts.map(format.count), format.count(counts.reduce((a, b) => a + b, 0))],
                };
              })}
            />
          }
        />
        <ChartFigure
          id="chart-needs-by-state"
          title={text('needsByKindAndState').label}
          definition={text('needsByKindAndState').definition}
          showTableLabel={showTable}
          chart={
            <Bars
              title={text('needsByKindAndState').label}
              description={t('reports.charts.stackedByState')}
              data={byKindAndState}
              categoryKey="kind"
              series={states.map((state) => ({ key: state, label: names.states[state] }))}
              stacked
              formatValue={format.count}
            />
          }
          table={
            <DataTable
              caption={text('needsByKindAndState').label}
              columns={[t('reports.table.kindAndState'), ...comparisonColumns]}
              rows={report.needs.byKindAndState.map((f) => ({
                key: `${f.kind}-${f.state}`,
                header: `${names.kinds[f.kind]}: ${f.state === 'DRAFT' ? f.state : names.states[f.state]}`,
                cells: comparisonCells(f),
              }))}
            />
          }
        />
      </ReportSection>

      <ReportSection id="report-matches" title={names.sections.matches}>
        <FigureList>
          <FigureCard figure="matchesMade" value={report.matches.made} />
          <FigureCard figure="medianDaysToFirstMatch" value={report.matches.medianDaysToFirstMatch} unit="days" />
          <FigureCard figure="medianDaysToFilled" value={report.matches.medianDaysToFilled} unit="days" />
        </FigureList>
        <ChartFigure
          id="chart-matches-by-how"
          title={text('matchesByHow').label}
          definition={text('matchesByHow').definition}
          showTableLabel={showTable}
          chart={
            <Bars
              title={text('matchesByHow').label}
              description={t('reports.charts.comparison')}
              data={byHow}
              categoryKey="label"
              series={[
                { key: 'current', label: series.current },
                { key: 'previous', label: series.previous },
              ]}
              formatValue={format.count}
            />
          }
          table={
            <DataTable
              caption={text('matchesByHow').label}
              columns={[t('reports.table.how'), ...comparisonColumns]}
              rows={byHow.map((f) => ({ key: f.how, header: f.label, cells: comparisonCells(f) }))}
            />
          }
        />
      </ReportSection>

      <ReportSection id="report-courses" title={names.sections.courses}>
        <FigureList>
          <FigureCard figure="coursesHeld" value={report.courses.coursesHeld} />
          <FigureCard figure="sessionsHeld" value={report.courses.sessionsHeld} />
          <FigureCard figure="seatsBooked" value={report.courses.seatsBooked} />
          <FigureCard figure="participantsAttended" value={report.courses.participantsAttended} />
          <FigureCard figure="attendanceRate" value={report.courses.attendanceRate} unit="share" />
          <FigureCard figure="sessionsCancelledTooFew" value={report.courses.sessionsCancelledTooFew} />
        </FigureList>
        <ChartFigure
          id="chart-sessions-per-month"
          title={t('reports.charts.sessionsPerMonth')}
          showTableLabel={showTable}
          chart={
            <BarAndLine
              title={t('reports.charts.sessionsPerMonth')}
              description={t('reports.charts.barsAndLine')}
              data={report.courses.sessionsPerMonth.map((m) => ({ ...m, month: monthName(m.month, 'short') }))}
              categoryKey="month"
              bars={{ key: 'sessions', label: text('sessionsHeld').label }}
              line={{ key: 'participantsAttended', label: text('participantsAttended').label }}
              formatValue={format.count}
            />
          }
          table={
            <DataTable
              caption={t('reports.charts.sessionsPerMonth')}
              columns={[t('reports.table.month'), text('sessionsHeld').label, text('participantsAttended').label]}
              rows={report.courses.sessionsPerMonth.map((m) => ({
                key: m.month,
                header: monthName(m.month, 'long'),
                cells: [format.count(m.sessions), format.count(m.participantsAttended)],
              }))}
            />
          }
        />
      </ReportSection>

      <ReportSection id="report-placements" title={names.sections.placements}>
        <FigureList>
          <FigureCard figure="placementsFilled" value={report.placements.filled} />
        </FigureList>
        <ChartFigure
          id="chart-placements"
          title={t('reports.charts.placementsByKind')}
          showTableLabel={showTable}
          chart={
            <Bars
              title={t('reports.charts.placementsByKind')}
              description={t('reports.charts.comparison')}
              data={placements}
              categoryKey="label"
              series={[
                { key: 'current', label: series.current },
                { key: 'previous', label: series.previous },
              ]}
              formatValue={format.count}
            />
          }
          table={
            <DataTable
              caption={t('reports.charts.placementsByKind')}
              columns={[t('reports.table.kind'), ...comparisonColumns]}
              rows={placements.map((f) => ({ key: f.kind, header: f.label, cells: comparisonCells(f) }))}
            />
          }
        />
      </ReportSection>

      <ReportSection id="report-reach" title={names.sections.reach}>
        <FigureList>
          <FigureCard figure="companiesServed" value={report.reach.companiesServed} />
          <FigureCard figure="peopleServed" value={report.reach.peopleServed} />
          <FigureCard figure="shareOutsideRovaniemi" value={report.reach.shareOutsideRovaniemi} unit="share" />
        </FigureList>
        <div className="report-reach">
          <LaplandMap reach={report.reach.byMunicipality} />
          <DataTable
            caption={t('reports.map.tableCaption')}
            columns={[
              t('reports.table.municipality'),
              text('companiesServed').label,
              text('peopleServed').label,
              t('reports.table.previousCompanies'),
              t('reports.table.previousPeople'),
            ]}
            rows={reachRows.map((r) => ({
              key: r.municipalityCode ?? 'none',
              header: r.municipalityCode === null ? names.noMunicipality : municipalityName(r.municipalityCode, locale),
              cells: [r.companies, r.people, r.previousCompanies, r.previousPeople].map(format.count),
            }))}
          />
        </div>
      </ReportSection>

      <ReportSection id="report-organisations" title={names.sections.organisations}>
        <FigureList>
          <FigureCard figure="activeCompanies" value={report.organisations.activeCompanies} />
          <FigureCard figure="activeEducationalOrganisations" value={report.organisations.activeEducational} />
          <FigureCard figure="verifiedMembers" value={report.organisations.verifiedMembers} />
          <FigureCard figure="newMembers" value={report.organisations.newMembers} />
        </FigureList>
      </ReportSection>

      <ReportSection id="report-indicators" title={names.sections.indicators} lead={t('reports.indicatorsLead')}>
        <FigureList>
          {report.indicators.map((indicator) => (
            <FigureCard key={indicator.code} figure={indicator.code} value={indicator} />
          ))}
        </FigureList>
      </ReportSection>

      <ReportSection id="report-unmet" title={text('unmetDemand').label} lead={text('unmetDemand').definition}>
        <UnmetDemandList limit={UNMET_DEMAND_ROWS} />
      </ReportSection>
    </>
  );
}
