import { useId, type ReactNode } from 'react';
import { Checkbox } from 'react-aria-components';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslateIssue } from '../i18n/translateIssue';
import { CheckboxGroupField, CheckboxMark, type CheckboxGroupFieldProps } from './CheckboxGroupField';

/* The react-hook-form bindings, apart from the fields: the search filters use the fields alone and
   so do not load react-hook-form. */

interface FormCheckboxGroupProps<T extends FieldValues, TOut = T> extends Omit<
  CheckboxGroupFieldProps,
  'value' | 'onChange' | 'errorMessage' | 'onBlur' | 'inputRef'
> {
  control: Control<T, unknown, TOut>;
  name: Path<T>;
}

export function FormCheckboxGroup<T extends FieldValues, TOut = T>({
  control,
  name,
  ...props
}: FormCheckboxGroupProps<T, TOut>) {
  const translateIssue = useTranslateIssue();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <CheckboxGroupField
          {...props}
          value={(field.value as string[] | undefined) ?? []}
          onChange={field.onChange}
          onBlur={field.onBlur}
          inputRef={field.ref}
          errorMessage={fieldState.invalid ? translateIssue(fieldState.error?.message) : undefined}
        />
      )}
    />
  );
}

interface FormCheckboxProps<T extends FieldValues, TOut = T> {
  control: Control<T, unknown, TOut>;
  name: Path<T>;
  label: ReactNode;
  /** A plain explanation under the box, read as the checkbox's description. */
  description?: ReactNode;
}

/** One yes/no choice (a react-aria Checkbox) bound to a boolean in react-hook-form. */
export function FormCheckbox<T extends FieldValues, TOut = T>({
  control,
  name,
  label,
  description,
}: FormCheckboxProps<T, TOut>) {
  const descriptionId = useId();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <div className="field">
          <Checkbox
            className="checkbox"
            isSelected={Boolean(field.value)}
            onChange={field.onChange}
            onBlur={field.onBlur}
            inputRef={field.ref}
            aria-describedby={description ? descriptionId : undefined}
          >
            <CheckboxMark />
            <span className="checkbox__label">{label}</span>
          </Checkbox>
          {description ? (
            <p className="field__description checkbox__description" id={descriptionId}>
              {description}
            </p>
          ) : null}
        </div>
      )}
    />
  );
}
