export { FormRadioGroup, type RadioOption } from './FormRadioGroup';
export { FormSelect, SelectField, type SelectOption } from './FormSelect';
export { FormTextField } from './FormTextField';
export { useSubmitError } from './useSubmitError';
