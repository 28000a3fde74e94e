import { useEffect, useRef, useState } from 'react';
import { useFormState, type Control, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../graphql/errors';
import { useErrorMessage } from '../ui/ErrorAlert';

interface InvalidField {
  /** The id of the element that takes focus. */
  id: string;
  label: string;
  message: string;
}

/**
 * A form's errors at its top: what went wrong, announced once per attempt, and then each field that
 * is wrong, by its label and its message, as a link that takes focus to it. The list is read from
 * the form itself (every control marked aria-invalid, in the order of the page), so it names fields
 * exactly as their labels do and needs nothing from each form but its control and its error.
 *
 * Shown after a submission (react-hook-form's submit count) or a wizard's step check (`attempts`);
 * a field that is put right leaves the list as it is fixed.
 */
export function FormErrorSummary<T extends FieldValues>({
  submission: { control, error },
  attempts = 0,
}: {
  /** The form's submission (useSubmitError): its control, and its last error from the server. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form's control, whatever its output type
  submission: { control: Control<T, any, any>; error: AppError | null };
  /** Checks made without submitting (a wizard's "Next"). */
  attempts?: number;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const { errors, submitCount } = useFormState({ control });
  const tried = submitCount + attempts;
  const region = useRef<HTMLDivElement>(null);
  const [fields, setFields] = useState<InvalidField[]>([]);
  // The count said when the attempt failed; it is not re-announced as fields are fixed.
  const [announced, setAnnounced] = useState<number | null>(null);
  const errorKey = Object.keys(errors).sort().join(' ');

  useEffect(() => {
    const form = region.current?.closest('form') ?? region.current?.parentElement;
    if (!form || (tried === 0 && !error)) return;
    // After the fields have rendered their new state.
    const frame = requestAnimationFrame(() => setFields(invalidFieldsIn(form)));
    return () => cancelAnimationFrame(frame);
  }, [tried, error, errorKey]);

  useEffect(() => {
    if (tried === 0) return;
    const frame = requestAnimationFrame(() => {
      const form = region.current?.closest('form') ?? region.current?.parentElement;
      setAnnounced(form ? invalidFieldsIn(form).length || null : null);
    });
    return () => cancelAnimationFrame(frame);
  }, [tried]);

  const said = error
    ? message(error)
    : announced && fields.length > 0
      ? t('form.errorSummary', { count: announced })
      : null;
  return (
    <div ref={region} className={said || fields.length > 0 ? 'alert alert--error error-summary' : undefined}>
      <div role="alert" className={said ? undefined : 'live-region'}>
        {said ? <p className="error-summary__title">{said}</p> : null}
      </div>
      {fields.length > 0 ? (
        <ul className="error-summary__list" aria-label={t('form.errorList')}>
          {fields.map((field) => (
            <li key={field.id}>
              <a
                href={`#${field.id}`}
                onClick={(event) => {
                  event.preventDefault();
                  focusField(field.id);
                }}
              >
                {/[?:!.]$/.test(field.label) ? `${field.label} ` : `${field.label}: `}
                {field.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const CONTROL = 'input:not([type=hidden]), select, textarea, button, [tabindex]:not([tabindex="-1"])';

/**
 * Every field in the form that shows an error, in the page's order: its error's text, its label, and
 * the control the error describes (a group's element for a radio or checkbox group, a select's button).
 */
export function invalidFieldsIn(form: Element): InvalidField[] {
  const found: InvalidField[] = [];
  for (const error of form.querySelectorAll<HTMLElement>('.field__error')) {
    const message = error.textContent?.trim();
    if (!message || !error.id || error.closest('[aria-hidden="true"], [hidden]')) continue;
    const control = form.querySelector<HTMLElement>(`[aria-describedby~="${CSS.escape(error.id)}"]`);
    if (!control?.id) continue;
    const label = error.closest('.field')?.querySelector('.field__label')?.textContent ?? labelOf(control);
    found.push({ id: control.id, label: label.replace(/\s+/g, ' ').trim(), message });
  }
  return found;
}

function idsIn(element: Element, attribute: string): string[] {
  return (element.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean);
}

function labelOf(element: HTMLElement): string {
  const labels = (element as HTMLInputElement).labels;
  if (labels && labels.length > 0) return labels[0]!.textContent ?? '';
  const labelledBy = idsIn(element, 'aria-labelledby').map((id) => document.getElementById(id)?.textContent ?? '');
  return labelledBy.join(' ') || element.getAttribute('aria-label') || '';
}

/** Focuses the field (a group's first control), scrolled into view. */
function focusField(id: string) {
  const element = document.getElementById(id);
  if (!element) return;
  const target = element.matches(CONTROL) ? element : element.querySelector<HTMLElement>(CONTROL);
  (target ?? element).focus();
  (target ?? element).scrollIntoView?.({ block: 'center' });
}
