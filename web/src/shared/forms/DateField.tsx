import { parseDate, parseDateTime, type DateValue } from '@internationalized/date';
import type { ReactNode } from 'react';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  Label,
  Popover,
  Text,
} from 'react-aria-components';

/** 'day' keeps YYYY-MM-DD; 'minute' keeps a Helsinki wall-clock time, YYYY-MM-DDTHH:mm. */
export type DateGranularity = 'day' | 'minute';

function toDateValue(value: string, granularity: DateGranularity): DateValue | null {
  if (!value) return null;
  try {
    return granularity === 'day' ? parseDate(value.slice(0, 10)) : parseDateTime(value.slice(0, 16));
  } catch {
    return null;
  }
}

function fromDateValue(value: DateValue | null, granularity: DateGranularity): string {
  if (!value) return '';
  const text = value.toString();
  return granularity === 'day' ? text.slice(0, 10) : text.slice(0, 16);
}

function CalendarIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <rect x="3" y="5" width="18" height="16" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M3 10h18M8 3v4M16 3v4" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

export interface DateFieldProps {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  granularity?: DateGranularity;
  description?: ReactNode;
  errorMessage?: string;
  isRequired?: boolean;
  onBlur?: () => void;
  /** Receives an object whose focus() moves to the first segment (for react-hook-form). */
  focusRef?: (instance: { focus: () => void } | null) => void;
}

/**
 * react-aria's DatePicker: the date is typed segment by segment in the reader's order (day,
 * month, year in Finnish and Swedish), or picked from a calendar. Its own labels ("Calendar",
 * "Next month") come in the UI language from the I18nProvider.
 */
export function DateField({
  label,
  value,
  onChange,
  granularity = 'day',
  description,
  errorMessage,
  isRequired,
  onBlur,
  focusRef,
}: DateFieldProps) {
  return (
    <DatePicker
      className="field date-field"
      value={toDateValue(value, granularity)}
      onChange={(next) => onChange(fromDateValue(next, granularity))}
      onBlur={onBlur}
      granularity={granularity}
      hideTimeZone
      shouldForceLeadingZeros
      isInvalid={errorMessage !== undefined}
      isRequired={isRequired}
      validationBehavior="aria"
    >
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <Group
        className="date-field__group"
        ref={(element) => {
          focusRef?.(
            element
              ? { focus: () => element.querySelector<HTMLElement>('[role="spinbutton"]:not([aria-readonly])')?.focus() }
              : null,
          );
        }}
      >
        <DateInput className="date-field__input">
          {(segment) => <DateSegment segment={segment} className="date-field__segment" />}
        </DateInput>
        <Button className="button button--ghost date-field__button">
          <CalendarIcon />
        </Button>
      </Group>
      <FieldError className="field__error">{errorMessage}</FieldError>
      <Popover className="popover calendar-popover">
        <Dialog className="calendar-dialog">
          <Calendar className="calendar">
            <header className="calendar__header">
              <Button slot="previous" className="button button--ghost calendar__nav">
                <span aria-hidden="true">◀</span>
              </Button>
              <Heading className="calendar__heading" />
              <Button slot="next" className="button button--ghost calendar__nav">
                <span aria-hidden="true">▶</span>
              </Button>
            </header>
            <CalendarGrid className="calendar__grid">
              {(date) => <CalendarCell date={date} className="calendar__cell" />}
            </CalendarGrid>
          </Calendar>
        </Dialog>
      </Popover>
    </DatePicker>
  );
}
