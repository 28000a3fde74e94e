import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslateIssue } from '../i18n/translateIssue';
import { DateField, type DateFieldProps } from './DateField';

interface FormDateFieldProps<T extends FieldValues, TOut = T> extends Omit<
  DateFieldProps,
  'value' | 'onChange' | 'errorMessage' | 'onBlur' | 'focusRef'
> {
  control: Control<T, unknown, TOut>;
  name: Path<T>;
}

/** DateField bound to react-hook-form; the form keeps the date as a string. */
export function FormDateField<T extends FieldValues, TOut = T>({
  control,
  name,
  ...props
}: FormDateFieldProps<T, TOut>) {
  const translateIssue = useTranslateIssue();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <DateField
          {...props}
          value={(field.value as string | null | undefined) ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          focusRef={field.ref}
          errorMessage={fieldState.invalid ? translateIssue(fieldState.error?.message) : undefined}
        />
      )}
    />
  );
}
