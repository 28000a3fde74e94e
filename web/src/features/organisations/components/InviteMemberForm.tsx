import { zodResolver } from '@hookform/resolvers/zod';
import { inviteMemberSchema, MEMBERSHIP_ROLES } from '@keskusvaraamo/shared';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { FormErrorSummary, FormSelect, FormTextField, useSubmitError } from '../../../shared/forms';
import { StatusMessage } from '../../../shared/ui';
import { InviteMemberMutation } from '../operations';

export function InviteMemberForm({ organisationId, onInvited }: { organisationId: string; onInvited: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    resolver: zodResolver(inviteMemberSchema),
    defaultValues: { email: '', role: 'MEMBER' as const },
  });
  const submission = useSubmitError(form);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [, invite] = useMutation(InviteMemberMutation);
  const roleOptions = MEMBERSHIP_ROLES.map((role) => ({ id: role, label: t(`membershipRoles.${role}`) }));

  const onSubmit = form.handleSubmit(async (input) => {
    submission.clear();
    setSentTo(null);
    const result = await invite({ organisationId, input });
    if (result.error) {
      submission.report(result.error);
      return;
    }
    setSentTo(input.email);
    form.reset();
    onInvited();
  });

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('organisations.invite.heading')}</h2>
      <p>{t('organisations.invite.help')}</p>
      <FormErrorSummary submission={submission} />
      <StatusMessage>{sentTo ? t('organisations.invite.sent', { email: sentTo }) : null}</StatusMessage>
      <div className="form__row">
        <FormTextField
          control={form.control}
          name="email"
          type="email"
          inputMode="email"
          label={t('fields.email')}
          autoComplete="off"
          isRequired
        />
        <FormSelect
          control={form.control}
          name="role"
          label={t('organisations.invite.role')}
          options={roleOptions}
          isRequired
        />
      </div>
      <div className="form__actions">
        <Button type="submit" className="button button--primary" isPending={form.formState.isSubmitting}>
          {t('organisations.invite.submit')}
        </Button>
      </div>
    </form>
  );
}
