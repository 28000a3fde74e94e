import { useState, type ReactNode } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { FieldError, Input, Label, Text, TextArea, TextField, ToggleButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useTranslateIssue } from '../i18n/translateIssue';

interface FormTextFieldProps<T extends FieldValues, TOut = T> {
  control: Control<T, unknown, TOut>;
  name: Path<T>;
  label: ReactNode;
  description?: ReactNode;
  type?: 'text' | 'email' | 'password' | 'url' | 'search';
  autoComplete?: string;
  inputMode?: 'text' | 'email' | 'numeric' | 'decimal' | 'url';
  isRequired?: boolean;
  /** A multi-line text area instead of a one-line input. */
  multiline?: boolean;
}

/**
 * A react-aria TextField bound to react-hook-form. react-aria links the label, the description
 * and the error to the input (aria-describedby) and sets aria-invalid; react-hook-form focuses
 * the first invalid field through the input's ref.
 */
export function FormTextField<T extends FieldValues, TOut = T>({
  control,
  name,
  label,
  description,
  type = 'text',
  autoComplete,
  inputMode,
  isRequired,
  multiline,
}: FormTextFieldProps<T, TOut>) {
  const translateIssue = useTranslateIssue();
  const { t } = useTranslation();
  const [revealed, setRevealed] = useState(false);
  const isPassword = type === 'password';
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextField
          className="field"
          name={field.name}
          value={(field.value as string | null | undefined) ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          isInvalid={fieldState.invalid}
          isRequired={isRequired}
          validationBehavior="aria"
          type={isPassword && revealed ? 'text' : type}
          autoComplete={autoComplete}
          inputMode={inputMode}
        >
          <Label className="field__label">{label}</Label>
          {description ? (
            <Text slot="description" className="field__description">
              {description}
            </Text>
          ) : null}
          <div className="field__control">
            {multiline ? (
              <TextArea ref={field.ref} className="field__input field__input--multiline" rows={5} />
            ) : (
              <Input ref={field.ref} className="field__input" />
            )}
            {isPassword ? (
              <ToggleButton className="button button--ghost field__reveal" isSelected={revealed} onChange={setRevealed}>
                {t('form.showPassword')}
              </ToggleButton>
            ) : null}
          </div>
          <FieldError className="field__error">{translateIssue(fieldState.error?.message)}</FieldError>
        </TextField>
      )}
    />
  );
}
