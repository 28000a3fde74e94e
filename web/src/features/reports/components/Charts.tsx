/**
 * The report's charts, drawn by Recharts (SVG). Recharts' accessibility layer lets a keyboard user
 * move through the data points with the arrow keys (the tooltip follows); every chart's data is also
 * a table under it (ChartFigure). Series differ by pattern as well as by colour, each colour has at
 * least 3:1 contrast against the white background, and segments are separated by white lines.
 */
import { useId, type ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

const HEIGHT = 300;
/** The size drawn before the container is measured (and where nothing measures, as in tests). */
const INITIAL = { width: 800, height: HEIGHT };

/** Colour and pattern of the n-th series: dark blue plain, brown striped, green dotted, violet crossed. */
const SERIES = [
  { color: '#0b4f6c', pattern: null },
  { color: '#9a4a00', pattern: 'stripes' },
  { color: '#1b6636', pattern: 'dots' },
  { color: '#6b3fa0', pattern: 'cross' },
] as const;

function PatternDefs({ prefix }: { prefix: string }) {
  return (
    <defs>
      {SERIES.map((series, index) => (
        <pattern key={series.color} id={`${prefix}-${index}`} width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill={series.color} />
          {series.pattern === 'stripes' ? (
            <path d="M-2 2l4-4M0 8l8-8M6 10l4-4" stroke="#fff" strokeWidth="1.5" />
          ) : null}
          {series.pattern === 'dots' ? <circle cx="4" cy="4" r="1.6" fill="#fff" /> : null}
          {series.pattern === 'cross' ? <path d="M0 4h8M4 0v8" stroke="#fff" strokeWidth="1.5" /> : null}
        </pattern>
      ))}
    </defs>
  );
}

/** An id safe inside url(#…): React's ids carry characters that CSS would need escaped. */
function usePatternPrefix(): string {
  return `report-pattern-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

const fillOf = (prefix: string, index: number) => `url(#${prefix}-${index % SERIES.length})`;

export interface ChartSeries {
  key: string;
  label: string;
}

interface BarsProps {
  /** The chart's accessible name (the figure's caption). */
  title: string;
  /** What the chart shows, for screen readers that enter it. */
  description: string;
  data: Array<Record<string, string | number>>;
  /** The category axis' key in `data`. */
  categoryKey: string;
  series: ChartSeries[];
  /** Stacked (parts of one total) or side by side (this period beside the previous one). */
  stacked?: boolean;
  formatValue: (value: number) => string;
}

export function Bars({ title, description, data, categoryKey, series, stacked, formatValue }: BarsProps) {
  const prefix = usePatternPrefix();
  return (
    <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={INITIAL}>
      <BarChart
        data={data}
        accessibilityLayer
        title={title}
        desc={description}
        margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
      >
        <PatternDefs prefix={prefix} />
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={categoryKey} tick={{ fill: '#17232d' }} />
        <YAxis allowDecimals={false} tick={{ fill: '#17232d' }} tickFormatter={formatValue} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? formatValue(value) : String(value))} />
        <Legend itemSorter={(item) => series.findIndex((s) => s.label === item.value)} />
        {series.map((s, index) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stackId={stacked ? 'stack' : undefined}
            fill={fillOf(prefix, index)}
            stroke="#fff"
            strokeWidth={1}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

interface BarAndLineProps {
  title: string;
  description: string;
  data: Array<Record<string, string | number>>;
  categoryKey: string;
  /** Drawn as bars against the left axis. */
  bars: ChartSeries;
  /** Drawn as a line with square markers against the right axis (a different scale). */
  line: ChartSeries;
  formatValue: (value: number) => string;
}

/** Two monthly series of different sizes: sessions as bars, participants as a line. */
export function BarAndLine({ title, description, data, categoryKey, bars, line, formatValue }: BarAndLineProps) {
  const prefix = usePatternPrefix();
  return (
    <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={INITIAL}>
      <ComposedChart
        data={data}
        accessibilityLayer
        title={title}
        desc={description}
        margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
      >
        <PatternDefs prefix={prefix} />
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={categoryKey} tick={{ fill: '#17232d' }} />
        <YAxis yAxisId="bars" allowDecimals={false} tick={{ fill: '#17232d' }} tickFormatter={formatValue} />
        <YAxis
          yAxisId="line"
          orientation="right"
          allowDecimals={false}
          tick={{ fill: '#17232d' }}
          tickFormatter={formatValue}
        />
        <Tooltip formatter={(value) => (typeof value === 'number' ? formatValue(value) : String(value))} />
        <Legend itemSorter={(item) => (item.value === bars.label ? 0 : 1)} />
        <Bar yAxisId="bars" dataKey={bars.key} name={bars.label} fill={fillOf(prefix, 0)} isAnimationActive={false} />
        <Line
          yAxisId="line"
          dataKey={line.key}
          name={line.label}
          stroke={SERIES[1].color}
          strokeWidth={3}
          strokeDasharray="6 3"
          dot={{ r: 4, fill: SERIES[1].color, strokeWidth: 0 }}
          legendType="square"
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

interface ChartFigureProps {
  id: string;
  title: string;
  /** The figure's definition, under its title. */
  definition?: string;
  chart: ReactNode;
  /** The same data as a table, behind "Show as table" (opened for printing). */
  table: ReactNode;
  showTableLabel: string;
}

export function ChartFigure({ id, title, definition, chart, table, showTableLabel }: ChartFigureProps) {
  return (
    <figure className="report-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="report-chart__caption">
        <span className="report-chart__title">{title}</span>
        {definition ? <span className="report-chart__definition">{definition}</span> : null}
      </figcaption>
      <div className="report-chart__plot">{chart}</div>
      <details className="report-chart__table">
        <summary>{showTableLabel}</summary>
        {table}
      </details>
    </figure>
  );
}

interface DataTableProps {
  caption: string;
  /** The header of the rows' own column, then the value columns. */
  columns: string[];
  rows: Array<{ key: string; header: ReactNode; cells: ReactNode[] }>;
}

/** A chart's data as a table: column headers and row headers scoped, numbers aligned right. */
export function DataTable({ caption, columns, rows }: DataTableProps) {
  return (
    <div className="report-table-wrap">
      <table className="report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.header}</th>
              {row.cells.map((cell, index) => (
                <td key={index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
