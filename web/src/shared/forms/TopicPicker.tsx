import { topicGroups } from '@keskusvaraamo/shared';
import { useId, useMemo, type ReactNode } from 'react';
import { Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/useLocale';
import { CheckboxMark } from './CheckboxGroupField';

interface TopicPickerProps {
  label: ReactNode;
  value: readonly string[];
  onChange: (value: string[]) => void;
  description?: ReactNode;
  errorMessage?: string;
  /** Offer each group as a choice of its own ("any bioenergy topic"), as search does. */
  includeGroups?: boolean;
  /** How many results each topic has (search facets). */
  counts?: ReadonlyMap<string, number>;
  inputRef?: React.Ref<HTMLInputElement>;
  onBlur?: () => void;
}

/**
 * The shared competence topics as one react-aria checkbox group per topic group, labelled in the
 * UI language. The groups sit inside one labelled group, so that the field reads as one question.
 */
export function TopicPicker({
  label,
  value,
  onChange,
  description,
  errorMessage,
  includeGroups,
  counts,
  inputRef,
  onBlur,
}: TopicPickerProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const groups = useMemo(() => topicGroups(), []);
  const describedBy = [description ? `${id}-description` : null, errorMessage ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  // Topics without a count have none; a group has a count only when the counts name it.
  const countOf = (topicId: string, isGroup = false) => {
    if (!counts || (isGroup && !counts.has(topicId))) return null;
    return <span className="checkbox__count"> ({counts.get(topicId) ?? 0})</span>;
  };

  return (
    <div
      id={id}
      role="group"
      className="field topic-picker"
      aria-labelledby={`${id}-label`}
      aria-describedby={describedBy || undefined}
    >
      <span className="field__label" id={`${id}-label`}>
        {label}
      </span>
      {description ? (
        <span className="field__description" id={`${id}-description`}>
          {description}
        </span>
      ) : null}
      <div className="topic-picker__groups">
        {groups.map(({ group, topics }, groupIndex) => {
          const ids = new Set([...(includeGroups ? [group.id] : []), ...topics.map((topic) => topic.id)]);
          return (
            <CheckboxGroup
              key={group.id}
              className="topic-picker__group"
              value={value.filter((topicId) => ids.has(topicId))}
              onChange={(chosen) => onChange([...value.filter((topicId) => !ids.has(topicId)), ...chosen])}
              onBlur={onBlur}
              isInvalid={errorMessage !== undefined}
            >
              <Label className="topic-picker__group-label">{group.labels[locale]}</Label>
              <div className="topic-picker__options">
                {includeGroups ? (
                  <Checkbox value={group.id} className="checkbox" inputRef={groupIndex === 0 ? inputRef : undefined}>
                    <CheckboxMark />
                    <span>
                      {t('topics.wholeGroup', { group: group.labels[locale] })}
                      {countOf(group.id, true)}
                    </span>
                  </Checkbox>
                ) : null}
                {topics.map((topic, index) => (
                  <Checkbox
                    key={topic.id}
                    value={topic.id}
                    className="checkbox"
                    inputRef={!includeGroups && groupIndex === 0 && index === 0 ? inputRef : undefined}
                  >
                    <CheckboxMark />
                    <span>
                      {topic.labels[locale]}
                      {countOf(topic.id)}
                    </span>
                  </Checkbox>
                ))}
              </div>
            </CheckboxGroup>
          );
        })}
      </div>
      {errorMessage ? (
        <span className="field__error" id={`${id}-error`}>
          {errorMessage}
        </span>
      ) : null}
    </div>
  );
}
