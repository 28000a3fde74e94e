import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslateIssue } from '../i18n/translateIssue';
import { SelectField, type SelectFieldProps } from './SelectField';

export { SelectField, type SelectOption } from './SelectField';

interface FormSelectProps<T extends FieldValues, TOut = T> extends Omit<
  SelectFieldProps,
  'value' | 'onChange' | 'errorMessage' | 'onBlur' | 'triggerRef' | 'name'
> {
  control: Control<T, unknown, TOut>;
  name: Path<T>;
}

/** SelectField bound to react-hook-form. */
export function FormSelect<T extends FieldValues, TOut = T>({ control, name, ...props }: FormSelectProps<T, TOut>) {
  const translateIssue = useTranslateIssue();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <SelectField
          {...props}
          name={field.name}
          value={(field.value as string | null | undefined) ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          triggerRef={field.ref}
          errorMessage={fieldState.invalid ? translateIssue(fieldState.error?.message) : undefined}
        />
      )}
    />
  );
}
