export {
  CheckboxGroupField,
  CheckboxMark,
  FormCheckbox,
  FormCheckboxGroup,
  type CheckboxOption,
} from './CheckboxGroupField';
export { convertingResolver } from './convertingResolver';
export { DateField, FormDateField } from './DateField';
export { FormRadioGroup, type RadioOption } from './FormRadioGroup';
export { FormSelect, SelectField, type SelectOption } from './FormSelect';
export { FormTextField } from './FormTextField';
export { useMunicipalityOptions } from './municipalityOptions';
export { FormTopicPicker, TopicPicker } from './TopicPicker';
export { useSubmitError } from './useSubmitError';
