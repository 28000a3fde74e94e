import type { ReactNode } from 'react';
import {
  Button,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
} from 'react-aria-components';

export interface SelectOption {
  /** The form value; '' stands for "not chosen" and may be offered as an option of its own. */
  id: string;
  label: string;
  lang?: string;
}

// react-aria keys must not be empty; the form keeps '' for "nothing chosen".
const NONE_KEY = '__none__';
const toKey = (value: string) => (value === '' ? NONE_KEY : value);
const fromKey = (key: string) => (key === NONE_KEY ? '' : key);

export interface SelectFieldProps {
  label: ReactNode;
  options: readonly SelectOption[];
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
  placeholder?: string;
  className?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
  errorMessage?: string;
  onBlur?: () => void;
  triggerRef?: React.Ref<HTMLButtonElement>;
  name?: string;
  /** When the visible label is left out (a table row), the accessible name to use. */
  'aria-label'?: string;
}

/** A react-aria Select (button + listbox popover) for one value. */
export function SelectField({
  label,
  options,
  value,
  onChange,
  description,
  placeholder,
  className,
  isRequired,
  isDisabled,
  errorMessage,
  onBlur,
  triggerRef,
  name,
  'aria-label': ariaLabel,
}: SelectFieldProps) {
  return (
    <Select
      className={className ?? 'field'}
      name={name}
      value={value === '' && !options.some((o) => o.id === '') ? null : toKey(value)}
      onChange={(key) => onChange(key === null ? '' : fromKey(String(key)))}
      onBlur={onBlur}
      placeholder={placeholder}
      isInvalid={errorMessage !== undefined}
      isRequired={isRequired}
      isDisabled={isDisabled}
      validationBehavior="aria"
      aria-label={ariaLabel}
    >
      {label ? <Label className="field__label">{label}</Label> : null}
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <Button ref={triggerRef} className="select__button">
        <SelectValue className="select__value" />
        <span className="select__chevron" aria-hidden="true">
          ▾
        </span>
      </Button>
      <FieldError className="field__error">{errorMessage}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox">
          {options.map((option) => (
            <ListBoxItem
              key={toKey(option.id)}
              id={toKey(option.id)}
              textValue={option.label}
              className="listbox__item"
            >
              <span lang={option.lang}>{option.label}</span>
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}
