import type { ReactNode } from 'react';
import { Checkbox, CheckboxGroup, FieldError, Label, Text } from 'react-aria-components';

/** The tick inside a react-aria Checkbox; the box is drawn in CSS. */
export function CheckboxMark() {
  return (
    <span className="checkbox__box" aria-hidden="true">
      <svg viewBox="0 0 18 18" width="14" height="14" focusable="false">
        <polyline points="2 9 7 14 16 4" fill="none" stroke="currentColor" strokeWidth="3" />
      </svg>
    </span>
  );
}

export interface CheckboxOption {
  id: string;
  label: string;
  /** Shown after the label, e.g. how many results the choice has. */
  count?: number;
  lang?: string;
}

export interface CheckboxGroupFieldProps {
  label: ReactNode;
  options: readonly CheckboxOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  description?: ReactNode;
  errorMessage?: string;
  isRequired?: boolean;
  className?: string;
  onBlur?: () => void;
  /** Receives the first checkbox's input, so that a form can focus the group. */
  inputRef?: React.Ref<HTMLInputElement>;
}

/** A react-aria CheckboxGroup: several choices under one label. */
export function CheckboxGroupField({
  label,
  options,
  value,
  onChange,
  description,
  errorMessage,
  isRequired,
  className,
  onBlur,
  inputRef,
}: CheckboxGroupFieldProps) {
  return (
    <CheckboxGroup
      className={`field checkbox-group ${className ?? ''}`}
      value={[...value]}
      onChange={onChange}
      onBlur={onBlur}
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
      <div className="checkbox-group__options">
        {options.map((option, index) => (
          <Checkbox
            key={option.id}
            value={option.id}
            className="checkbox"
            inputRef={index === 0 ? inputRef : undefined}
          >
            <CheckboxMark />
            <span lang={option.lang}>
              {option.label}
              {option.count !== undefined ? <span className="checkbox__count"> ({option.count})</span> : null}
            </span>
          </Checkbox>
        ))}
      </div>
      <FieldError className="field__error">{errorMessage}</FieldError>
    </CheckboxGroup>
  );
}
