import { useCallback, useState } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { CombinedError } from 'urql';
import { toAppError, type AppError } from '../graphql/errors';

const NO_RENAMES: Readonly<Record<string, string>> = {};

/**
 * Holds the error of a form's last submission: field problems from the server go to their fields
 * (the first one takes focus), and the whole error to the form's alert region.
 */
export function useSubmitError<T extends FieldValues>(
  form: UseFormReturn<T, unknown, unknown>,
  /** The form's names for the API's fields where they differ ("payAmountCents" → "payAmount"). */
  rename: Readonly<Record<string, string>> = NO_RENAMES,
) {
  const [error, setError] = useState<AppError | null>(null);
  const { setError: setFieldError, getValues, control } = form;

  const report = useCallback(
    (combined: CombinedError): AppError => {
      const appError = toAppError(combined);
      const known = new Set(Object.keys(getValues()));
      let focus = true;
      for (const issue of appError.fields) {
        const field = rename[issue.field] ?? issue.field;
        if (!known.has(field)) continue;
        setFieldError(field as Path<T>, { type: 'server', message: issue.message }, { shouldFocus: focus });
        focus = false;
      }
      setError(appError);
      return appError;
    },
    [getValues, setFieldError, rename],
  );

  const clear = useCallback(() => setError(null), []);
  // The form's control goes with its error, for FormErrorSummary.
  return { error, report, clear, setError, control };
}
