import { MAX_TOPICS } from '@keskusvaraamo/shared';
import type { ReactNode } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useTranslateIssue } from '../i18n/translateIssue';
import { TopicPicker } from './TopicPicker';

interface FormTopicPickerProps<T extends FieldValues, TOut = T> {
  control: Control<T, unknown, TOut>;
  name: Path<T>;
  label: ReactNode;
}

/** TopicPicker bound to react-hook-form, with the limit of topics in its description. */
export function FormTopicPicker<T extends FieldValues, TOut = T>({
  control,
  name,
  label,
}: FormTopicPickerProps<T, TOut>) {
  const translateIssue = useTranslateIssue();
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const chosen = (field.value as string[] | undefined) ?? [];
        return (
          <TopicPicker
            label={label}
            value={chosen}
            onChange={field.onChange}
            onBlur={field.onBlur}
            inputRef={field.ref}
            description={t('topics.hint', { max: MAX_TOPICS, count: chosen.length })}
            errorMessage={fieldState.invalid ? translateIssue(fieldState.error?.message) : undefined}
          />
        );
      }}
    />
  );
}
