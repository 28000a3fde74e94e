import { REPORT_TEXTS, type ReportFigure } from '@keskusvaraamo/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n';
import { useReportFormat, type FigureUnit } from '../format';
import type { RatioFigure } from '../operations';

/** "–" for a figure that has no value, with the reason read to screen reader users instead. */
export function NoValue() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t('reports.noValue')}</span>
    </>
  );
}

export function Shown({ text }: { text: string | null }) {
  return text === null ? <NoValue /> : <>{text}</>;
}

/** A figure's label and its definition as the product computes it (REPORT_TEXTS, the same as the CSV's). */
export function useFigureText() {
  const locale = useLocale();
  return (figure: ReportFigure) => REPORT_TEXTS[locale][figure];
}

interface FigureCardProps {
  figure: ReportFigure;
  value: RatioFigure;
  unit?: FigureUnit;
}

/** One figure: its value, the previous period's value and the change as text, and its definition. */
export function FigureCard({ figure, value, unit = 'count' }: FigureCardProps) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const text = useFigureText()(figure);
  return (
    <li className="report-figure">
      <h3 className="report-figure__label">{text.label}</h3>
      <p className="report-figure__value">
        <Shown text={format.value(value.current, unit)} />
      </p>
      <p className="report-figure__compare">
        <span>
          {t('reports.previousValue')}{' '}
          <strong>
            <Shown text={format.value(value.previous, unit)} />
          </strong>
        </span>
        <span>
          {t('reports.changeLabel')}{' '}
          <strong>
            <Shown text={format.change(value.current, value.previous, unit)} />
          </strong>
        </span>
      </p>
      <p className="report-figure__definition">{text.definition}</p>
    </li>
  );
}

export function FigureList({ children }: { children: ReactNode }) {
  return <ul className="report-figures">{children}</ul>;
}

/** A report section: a heading of level 2 that names the section's region. */
export function ReportSection({
  id,
  title,
  lead,
  children,
}: {
  id: string;
  title: string;
  lead?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="report-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="report-section__title">
        {title}
      </h2>
      {lead ? <p className="report-section__lead">{lead}</p> : null}
      {children}
    </section>
  );
}
