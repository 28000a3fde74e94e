import {
  presetPeriod,
  REPORT_PRESETS,
  reportPeriodSchema,
  type ReportPeriod,
  type ReportPreset,
} from '@keskusvaraamo/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Label, Radio, RadioGroup } from 'react-aria-components';
import { DateField, SelectField } from '../../../shared/forms';
import { useTranslateIssue } from '../../../shared/i18n';
import { presetOf, type QuarterChoice } from '../period';

interface PeriodPickerProps {
  /** The period shown now (from the address), or null when the address has none that is valid. */
  period: ReportPeriod | null;
  /** Today in Helsinki, YYYY-MM-DD: the presets count from it. */
  today: string;
  onChange: (period: ReportPeriod) => void;
}

/** How many past years the quarter's year offers. */
const YEARS_BACK = 9;

/**
 * The report's period: a preset (this year, last year, a quarter, the last 12 months) applies at
 * once; any other dates are typed or picked and applied with the button, after the same checks as
 * the server's.
 */
export function PeriodPicker({ period, today, onChange }: PeriodPickerProps) {
  const translateIssue = useTranslateIssue();
  const { t } = useTranslation();
  const periodKey = period ? `${period.from}/${period.to}` : '';
  const initial = period ? presetOf(period, today) : null;
  const [preset, setPreset] = useState<ReportPreset>(initial?.preset ?? 'CUSTOM');
  const [quarter, setQuarter] = useState<QuarterChoice>(
    initial?.quarter ?? presetOf({ from: today, to: today }, today).quarter,
  );
  const [custom, setCustom] = useState({ from: period?.from ?? '', to: period?.to ?? '' });
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});

  // When the address changes from elsewhere (back, a bookmark), show what it says, unless the
  // choice here already describes that period (it was this picker's own change).
  const [seen, setSeen] = useState(periodKey);
  if (seen !== periodKey) {
    setSeen(periodKey);
    if (period && !(preset !== 'CUSTOM' && describes(preset, quarter, today, period))) {
      const derived = presetOf(period, today);
      setPreset(derived.preset);
      setQuarter(derived.quarter);
      setCustom({ from: period.from, to: period.to });
      setErrors({});
    }
  }

  const choosePreset = (next: ReportPreset) => {
    setPreset(next);
    if (next === 'CUSTOM') {
      if (period) setCustom({ from: period.from, to: period.to });
      return;
    }
    onChange(next === 'QUARTER' ? presetPeriod('QUARTER', today, quarter) : presetPeriod(next, today));
  };

  const chooseQuarter = (next: QuarterChoice) => {
    setQuarter(next);
    onChange(presetPeriod('QUARTER', today, next));
  };

  const applyCustom = (event: FormEvent) => {
    event.preventDefault();
    const parsed = reportPeriodSchema.safeParse(custom);
    if (!parsed.success) {
      const next: { from?: string; to?: string } = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === 'from' ? 'from' : 'to';
        next[field] ??= translateIssue(issue.message);
      }
      setErrors(next);
      return;
    }
    setErrors({});
    onChange(parsed.data);
  };

  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, index) => thisYear - index);
  if (!years.includes(quarter.year)) years.push(quarter.year);

  return (
    <div className="report-period-picker">
      <RadioGroup
        className="field radio-group radio-group--inline"
        value={preset}
        onChange={(value) => choosePreset(value as ReportPreset)}
      >
        <Label className="field__label">{t('reports.period.label')}</Label>
        <div className="radio-group__options">
          {REPORT_PRESETS.map((option) => (
            <Radio key={option} value={option} className="radio">
              <span className="radio__indicator" aria-hidden="true" />
              <span className="radio__text">
                <span className="radio__label">{t(`reports.period.presets.${option}`)}</span>
              </span>
            </Radio>
          ))}
        </div>
      </RadioGroup>
      {preset === 'QUARTER' ? (
        <div className="report-period-picker__row">
          <SelectField
            label={t('reports.period.year')}
            options={years.sort((a, b) => b - a).map((year) => ({ id: String(year), label: String(year) }))}
            value={String(quarter.year)}
            onChange={(value) => chooseQuarter({ ...quarter, year: Number(value) })}
          />
          <SelectField
            label={t('reports.period.quarter')}
            options={[1, 2, 3, 4].map((q) => ({
              id: String(q),
              label: t('reports.period.quarterName', { quarter: q }),
            }))}
            value={String(quarter.quarter)}
            onChange={(value) => chooseQuarter({ ...quarter, quarter: Number(value) })}
          />
        </div>
      ) : null}
      {preset === 'CUSTOM' ? (
        <form className="report-period-picker__row" onSubmit={applyCustom} noValidate>
          <DateField
            label={t('reports.period.from')}
            value={custom.from}
            onChange={(from) => setCustom((c) => ({ ...c, from }))}
            errorMessage={errors.from}
            isRequired
          />
          <DateField
            label={t('reports.period.to')}
            value={custom.to}
            onChange={(to) => setCustom((c) => ({ ...c, to }))}
            errorMessage={errors.to}
            isRequired
          />
          <Button type="submit" className="button button--primary report-period-picker__apply">
            {t('reports.period.apply')}
          </Button>
        </form>
      ) : null}
    </div>
  );
}

/** Whether the preset chosen here gives exactly this period. */
function describes(
  preset: Exclude<ReportPreset, 'CUSTOM'>,
  quarter: QuarterChoice,
  today: string,
  period: ReportPeriod,
) {
  const own = preset === 'QUARTER' ? presetPeriod('QUARTER', today, quarter) : presetPeriod(preset, today);
  return own.from === period.from && own.to === period.to;
}
