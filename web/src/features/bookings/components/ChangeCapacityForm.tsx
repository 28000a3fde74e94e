import { sessionSchema } from '@keskusvaraamo/shared';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { convertingResolver, FormErrorSummary, FormTextField, useSubmitError } from '../../../shared/forms';
import { parseWholeNumber } from '../../../shared/i18n';
import { StatusMessage } from '../../../shared/ui';
import { UpdateSessionCapacityMutation, type ManagedSession, type SessionInput } from '../operations';

interface CapacityValues {
  seats: string;
}

/** The session as updateSession takes it, with only the seats changed. */
function withSeats(session: ManagedSession, seats: string): unknown {
  return {
    startsAt: session.startsAtLocal,
    endsAt: session.endsAtLocal,
    registrationDeadline: session.registrationDeadlineLocal,
    place: session.place,
    municipalityCode: session.municipalityCode,
    onlineUrl: session.onlineUrl,
    seats: parseWholeNumber(seats) ?? undefined,
    priceCents: session.priceCents,
    language: session.language,
    cancellationDeadline: session.cancellationDeadlineLocal,
    minParticipants: session.minParticipants,
    decisionAt: session.decisionAtLocal,
  };
}

/** More or fewer seats; never fewer than are taken (the server says so on the field). */
export function ChangeCapacityForm({ session, onSaved }: { session: ManagedSession; onSaved: () => void }) {
  const { t } = useTranslation();
  const [, updateSession] = useMutation(UpdateSessionCapacityMutation);
  const [status, setStatus] = useState<string | null>(null);
  const form = useForm<CapacityValues, unknown, SessionInput>({
    // A minimum above the new seat count is a problem of the seats here.
    resolver: convertingResolver<CapacityValues, SessionInput>((v) => withSeats(session, v.seats), sessionSchema, {
      rename: { minParticipants: 'seats' },
    }),
    defaultValues: { seats: String(session.seats) },
  });
  const submission = useSubmitError(form, { minParticipants: 'seats' });

  const submit = form.handleSubmit(async (input) => {
    submission.clear();
    setStatus(null);
    const result = await updateSession({ id: session.id, input });
    if (result.error) submission.report(result.error);
    else {
      setStatus(t('bookings.manage.capacitySaved', { count: input.seats }));
      onSaved();
    }
  });

  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormErrorSummary submission={submission} />
      <FormTextField
        control={form.control}
        name="seats"
        label={t('offers.sessionFields.seats')}
        description={t('bookings.manage.capacityHint', { count: session.seatsTaken })}
        inputMode="numeric"
        isRequired
      />
      <div className="form__actions">
        <Button type="submit" className="button button--primary" isPending={form.formState.isSubmitting}>
          {t('bookings.manage.capacitySubmit')}
        </Button>
      </div>
      <StatusMessage>{status}</StatusMessage>
    </form>
  );
}
