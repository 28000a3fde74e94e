import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

type IssuePath = readonly PropertyKey[];

/**
 * A resolver for forms whose fields are not the API's input as such: money typed as euros, counts
 * typed as text. `convert` turns the form's values into the input, `schema` (a shared schema)
 * checks it, and each problem goes back to the field that holds it: `rename` maps the input's
 * field names to the form's ("payAmountCents" → "payAmount"). A problem with one item of a list
 * of choices (a topic) is shown on the list.
 */
export function convertingResolver<TForm extends FieldValues, TOutput>(
  convert: (values: TForm) => unknown,
  schema: z.ZodType<TOutput>,
  options: { rename?: Record<string, string>; dropPrefix?: string } = {},
): Resolver<TForm, unknown, TOutput> {
  return async (values, _context, resolverOptions) => {
    const input = convert(values);
    const result = schema.safeParse(input);
    if (result.success) return { values: result.data, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const name = formFieldName(issue.path, options);
      // The first problem of a field is the one to show.
      flat[name] ??= { type: issue.code, message: messageKey(issue.message, valueAt(input, issue.path)) };
    }
    return { values: {}, errors: toNestErrors(flat as FieldErrors, resolverOptions) };
  };
}

export function formFieldName(
  path: IssuePath,
  { rename = {}, dropPrefix }: { rename?: Record<string, string>; dropPrefix?: string },
): string {
  const parts = path.map(String);
  if (dropPrefix && parts[0] === dropPrefix) parts.shift();
  // An item of a list of plain values ("topics.3") belongs to the list.
  while (parts.length > 1 && /^\d+$/.test(parts[parts.length - 1]!)) parts.pop();
  const last = parts.length - 1;
  if (last >= 0) parts[last] = rename[parts[last]!] ?? parts[last]!;
  return parts.join('.') || 'root';
}

/** The shared schemas' own messages are keys; zod's built-in ones (a missing number) get one here. */
function messageKey(message: string, value: unknown): string {
  if (message.startsWith('validation.')) return message;
  if (value === undefined || value === null || value === '') return 'validation.required';
  if (typeof value === 'number' && Number.isNaN(value)) return 'validation.number';
  return 'validation.invalid';
}

function valueAt(input: unknown, path: IssuePath): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
