import { useId, type ReactNode } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { useTranslateIssue } from '../i18n/translateIssue';

export interface RadioOption {
  id: string;
  label: string;
  description?: string;
}

interface FormRadioGroupProps<T extends FieldValues, TOut = T> {
  control: Control<T, unknown, TOut>;
  name: Path<T>;
  label: ReactNode;
  description?: ReactNode;
  options: readonly RadioOption[];
  isRequired?: boolean;
}

/** A react-aria RadioGroup bound to react-hook-form; each option may carry a description. */
export function FormRadioGroup<T extends FieldValues, TOut = T>({
  control,
  name,
  label,
  description,
  options,
  isRequired,
}: FormRadioGroupProps<T, TOut>) {
  const translateIssue = useTranslateIssue();
  const idPrefix = useId();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <RadioGroup
          className="field radio-group"
          name={field.name}
          // Nothing chosen is null, never '' (a form's empty default): react-aria takes '' for a chosen
          // value that no option has, and then leaves every option out of the Tab order.
          value={((field.value as string | null | undefined) ?? '') === '' ? null : (field.value as string)}
          onChange={field.onChange}
          onBlur={field.onBlur}
          isInvalid={fieldState.invalid}
          isRequired={isRequired}
          validationBehavior="aria"
        >
          <Label className="field__label">{label}</Label>
          {description ? (
            <Text slot="description" className="field__description">
              {description}
            </Text>
          ) : null}
          <div className="radio-group__options">
            {options.map((option, index) => (
              <Radio
                key={option.id}
                value={option.id}
                className="radio"
                // The first option takes focus when the group is invalid on submit.
                inputRef={index === 0 ? field.ref : undefined}
                aria-describedby={option.description ? `${idPrefix}-${option.id}` : undefined}
              >
                <span className="radio__indicator" aria-hidden="true" />
                <span className="radio__text">
                  <span className="radio__label">{option.label}</span>
                  {option.description ? (
                    // Hidden from the radio's name, read as its description through aria-describedby.
                    <span className="radio__description" id={`${idPrefix}-${option.id}`} aria-hidden="true">
                      {option.description}
                    </span>
                  ) : null}
                </span>
              </Radio>
            ))}
          </div>
          <FieldError className="field__error">{translateIssue(fieldState.error?.message)}</FieldError>
        </RadioGroup>
      )}
    />
  );
}
