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
export { FormSelect } from './FormSelect';
export { SelectField, type SelectOption } from './SelectField';
export { FormTextField } from './FormTextField';
export { useMunicipalityOptions } from './municipalityOptions';
export { FormTopicPicker, TopicPicker } from './TopicPicker';
export { useSubmitError } from './useSubmitError';
