import { zodResolver } from '@hookform/resolvers/zod';
import {
  DEFAULT_CHANNEL,
  DELIVERY_CHANNELS,
  NOTIFICATION_GROUP_ROLES,
  NOTIFICATION_GROUPS,
  NOTIFICATION_TYPES,
  type DeliveryChannel,
  type NotificationType,
  type UserRole,
} from '@keskusvaraamo/shared';
import { useId, useState } from 'react';
import { Button, FieldError, Label, Radio, RadioGroup } from 'react-aria-components';
import { Controller, useForm, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { z } from 'zod';
import { FormErrorSummary, useSubmitError } from '../../../shared/forms';
import { useTranslateIssue } from '../../../shared/i18n';
import { StatusMessage } from '../../../shared/ui';
import { SetNotificationPreferencesMutation, type NotificationPreference } from '../operations';

const GROUPS = Object.keys(NOTIFICATION_GROUPS) as (keyof typeof NOTIFICATION_GROUPS)[];

const preferencesFormSchema = z.object({
  channels: z.record(z.enum(NOTIFICATION_TYPES), z.enum(DELIVERY_CHANNELS, { error: 'validation.choice' })),
});
type PreferencesFormValues = z.infer<typeof preferencesFormSchema>;

/** Every type's channel: the saved choice, or the type's default. */
export function channelsOf(preferences: readonly NotificationPreference[]): Record<NotificationType, DeliveryChannel> {
  const chosen = new Map(preferences.map((p) => [p.type, p.channel]));
  return Object.fromEntries(
    NOTIFICATION_TYPES.map((type) => [type, chosen.get(type) ?? DEFAULT_CHANNEL[type]]),
  ) as Record<NotificationType, DeliveryChannel>;
}

/**
 * How each type of notification reaches the reader, grouped as the shared NOTIFICATION_GROUPS:
 * one radio group per type, whose four choices are explained once, above, and read out with each
 * choice. Every type is saved at once.
 */
export function PreferencesForm({
  preferences,
  roles = [],
}: {
  preferences: readonly NotificationPreference[];
  /** The reader's roles: a group only some roles receive (coordinators') is shown to them only. */
  roles?: readonly UserRole[];
}) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const [, setPreferences] = useMutation(SetNotificationPreferencesMutation);
  const [saved, setSaved] = useState(false);
  const form = useForm<PreferencesFormValues>({
    resolver: zodResolver(preferencesFormSchema),
    defaultValues: { channels: channelsOf(preferences) },
  });
  const submission = useSubmitError(form);
  const helpId = (channel: DeliveryChannel) => `${idPrefix}-help-${channel}`;
  // Every choice is saved, but a group the reader never receives (coordinators' own) is not shown.
  const groups = GROUPS.filter((group) => NOTIFICATION_GROUP_ROLES[group]?.some((r) => roles.includes(r)) ?? true);

  const submit = form.handleSubmit(async ({ channels }) => {
    submission.clear();
    setSaved(false);
    const input = NOTIFICATION_TYPES.map((type) => ({ type, channel: channels[type] }));
    const result = await setPreferences({ input });
    if (result.error) {
      submission.report(result.error);
      return;
    }
    if (result.data) {
      form.reset({ channels: channelsOf(result.data.setNotificationPreferences) });
      setSaved(true);
    }
  });

  return (
    <form className="form preferences-form" noValidate onSubmit={submit}>
      <FormErrorSummary submission={submission} />
      <section className="card" aria-labelledby={`${idPrefix}-channels`}>
        <h2 id={`${idPrefix}-channels`}>{t('notifications.preferences.channelsHeading')}</h2>
        <dl className="details channel-help">
          {DELIVERY_CHANNELS.map((channel) => (
            <div key={channel}>
              <dt>{t(`notifications.channels.${channel}`)}</dt>
              <dd id={helpId(channel)}>{t(`notifications.channelHelp.${channel}`)}</dd>
            </div>
          ))}
        </dl>
      </section>
      {groups.map((group) => (
        <section key={group} className="card preference-group" aria-labelledby={`${idPrefix}-${group}`}>
          <h2 id={`${idPrefix}-${group}`}>{t(`notifications.groups.${group}`)}</h2>
          {NOTIFICATION_GROUPS[group].map((type) => (
            <ChannelChoice key={type} control={form.control} type={type} helpId={helpId} />
          ))}
        </section>
      ))}
      <div className="form__actions">
        <Button type="submit" className="button button--primary" isPending={form.formState.isSubmitting}>
          {t('notifications.preferences.save')}
        </Button>
      </div>
      <StatusMessage>{saved ? t('notifications.preferences.saved') : null}</StatusMessage>
    </form>
  );
}

interface ChannelChoiceProps {
  control: Control<PreferencesFormValues>;
  type: NotificationType;
  helpId: (channel: DeliveryChannel) => string;
}

function ChannelChoice({ control, type, helpId }: ChannelChoiceProps) {
  const translateIssue = useTranslateIssue();
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={`channels.${type}`}
      render={({ field, fieldState }) => (
        <RadioGroup
          className="field radio-group radio-group--inline preference"
          orientation="horizontal"
          name={field.name}
          value={field.value ?? null}
          onChange={field.onChange}
          onBlur={field.onBlur}
          isInvalid={fieldState.invalid}
          validationBehavior="aria"
        >
          <Label className="field__label">{t(`notifications.typeLabels.${type}`)}</Label>
          <div className="radio-group__options">
            {DELIVERY_CHANNELS.map((channel, index) => (
              <Radio
                key={channel}
                value={channel}
                className="radio"
                inputRef={index === 0 ? field.ref : undefined}
                aria-describedby={helpId(channel)}
              >
                <span className="radio__indicator" aria-hidden="true" />
                <span className="radio__label">{t(`notifications.channels.${channel}`)}</span>
              </Radio>
            ))}
          </div>
          <FieldError className="field__error">{translateIssue(fieldState.error?.message)}</FieldError>
        </RadioGroup>
      )}
    />
  );
}
