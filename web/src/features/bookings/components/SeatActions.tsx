import { zodResolver } from '@hookform/resolvers/zod';
import { participantSchema } from '@keskusvaraamo/shared';
import { useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { z } from 'zod';
import { FormErrorSummary, FormTextField, useSubmitError } from '../../../shared/forms';
import { toAppError, type AppError } from '../../../shared/graphql';
import { ConfirmDialog, ErrorAlert } from '../../../shared/ui';
import {
  AddParticipantMutation,
  CancelParticipantMutation,
  CancelSessionParticipantMutation,
  ReplaceParticipantMutation,
  type Booking,
  type Participant,
  type SessionBooking,
} from '../operations';
import './seats.css';

/**
 * After a change to a booking: the page reloads its list and announces `message`. Once the reloaded
 * booking passes `focusWhen` (by default: its state has changed) its heading takes focus; `false`
 * leaves focus where it is (on a control that stays).
 */
export type BookingChanged = (
  booking: Booking,
  message: string,
  focusWhen?: ((reloaded: Booking) => boolean) | false,
) => void;

interface SeatActionsProps {
  booking: Booking;
  participant: Participant;
  /** The participant's name as shown. */
  name: string;
  /** The session's time, as the card shows it. */
  time: string;
  onChanged: BookingChanged;
}

/** The server's names for the replacement's fields, as the form names them. */
const REPLACE_RENAMES: Readonly<Record<string, string>> = {
  'participant.name': 'name',
  'participant.email': 'email',
  // Every seat named already (someone else named the last one meanwhile): said on the e-mail field.
  participant: 'email',
};

/**
 * The booker's actions on one participant of a booking with several: cancel their seat (it is freed
 * for others and they are told), or give it to someone else. The card offers them only while the
 * booker may still cancel; the server checks the same rules.
 */
export function SeatActions({ booking, participant, name, time, onChanged }: SeatActionsProps) {
  const { t } = useTranslation();
  const [, cancelParticipant] = useMutation(CancelParticipantMutation);
  const [cancelError, setCancelError] = useState<AppError | null>(null);
  const waitlisted = booking.state === 'WAITLISTED';

  const cancel = async () => {
    setCancelError(null);
    const result = await cancelParticipant({ bookingId: booking.id, participantId: participant.id });
    if (result.error || !result.data) {
      if (result.error) setCancelError(toAppError(result.error));
      return false;
    }
    const after = result.data.cancelParticipant;
    if (after.state === 'CANCELLED') {
      // The last one (someone else changed the booking meanwhile): the booking went with them.
      onChanged(booking, t('bookings.mine.cancelled'));
    } else {
      // The card stays where it is, without this participant: its heading takes focus once they are gone.
      onChanged(booking, t('bookings.seats.cancelled', { name }), (reloaded) =>
        reloaded.participants.every((p) => p.id !== participant.id),
      );
    }
    return true;
  };

  return (
    <div className="seat-actions">
      <DialogTrigger onOpenChange={() => setCancelError(null)}>
        <Button className="button button--ghost seat-actions__button">
          {t('bookings.seats.cancel')}
          <span className="visually-hidden">: {name}</span>
        </Button>
        <ConfirmDialog
          title={t('bookings.seats.cancelTitle', { name })}
          confirmLabel={t('bookings.seats.cancelConfirm')}
          onConfirm={cancel}
          footer={<ErrorAlert error={cancelError} />}
        >
          <p>
            {waitlisted
              ? t('bookings.seats.cancelBodyWaitlist', { name, title: booking.offer.title, time })
              : t('bookings.seats.cancelBody', { name, title: booking.offer.title, time })}
          </p>
        </ConfirmDialog>
      </DialogTrigger>
      <DialogTrigger>
        <Button className="button button--ghost seat-actions__button">
          {t('bookings.seats.replace')}
          <span className="visually-hidden">: {name}</span>
        </Button>
        <ModalOverlay className="modal-overlay">
          <Modal className="modal">
            <Dialog className="dialog">
              {({ close }) => (
                <ReplaceFlow
                  booking={booking}
                  participant={participant}
                  name={name}
                  close={close}
                  onChanged={onChanged}
                />
              )}
            </Dialog>
          </Modal>
        </ModalOverlay>
      </DialogTrigger>
    </div>
  );
}

type ReplaceValues = z.input<typeof participantSchema>;
type ReplaceOutput = z.output<typeof participantSchema>;

interface ReplaceFlowProps {
  booking: Booking;
  /** The seat's present participant; null names a seat nobody is named for yet. */
  participant: Participant | null;
  name: string;
  close: () => void;
  onChanged: BookingChanged;
}

/**
 * Who takes the seat instead (or who takes a seat not yet named): a name and an e-mail address,
 * checked as the booking form checks them.
 */
function ReplaceFlow({ booking, participant, name, close, onChanged }: ReplaceFlowProps) {
  const { t } = useTranslation();
  const [, replaceParticipant] = useMutation(ReplaceParticipantMutation);
  const [, addParticipant] = useMutation(AddParticipantMutation);
  const form = useForm<ReplaceValues, unknown, ReplaceOutput>({
    resolver: zodResolver(participantSchema),
    defaultValues: { name: '', email: '' },
  });
  const submission = useSubmitError(form, REPLACE_RENAMES);

  const submit = form.handleSubmit(async (values) => {
    submission.clear();
    const result = participant
      ? await replaceParticipant({ bookingId: booking.id, participantId: participant.id, participant: values })
      : await addParticipant({ bookingId: booking.id, participant: values });
    if (result.error) {
      submission.report(result.error);
      return;
    }
    if (!participant) {
      close();
      // The button that opened this may go (every seat named): the booking's heading takes focus.
      onChanged(booking, t('bookings.seats.added', { name: values.name }), (reloaded) =>
        reloaded.participants.some((p) => p.email === values.email),
      );
      return;
    }
    const sameEmail = values.email === participant.email.toLowerCase();
    // Focus goes back to this participant's "Replace" button, which stays (the seat keeps its id).
    close();
    onChanged(
      booking,
      sameEmail
        ? t('bookings.seats.updated', { name: values.name })
        : t('bookings.seats.replaced', { old: name, name: values.name }),
      false,
    );
  });

  return (
    <>
      <Heading slot="title" className="dialog__title">
        {participant ? t('bookings.seats.replaceTitle', { name }) : t('bookings.seats.addTitle')}
      </Heading>
      <div className="dialog__body">
        <p>{participant ? t('bookings.seats.replaceHelp', { name }) : t('bookings.seats.addHelp')}</p>
      </div>
      <form className="form" noValidate onSubmit={submit}>
        <FormErrorSummary submission={submission} />
        <FormTextField
          control={form.control}
          name="name"
          label={t('bookings.fields.name')}
          autoComplete="off"
          isRequired
        />
        <FormTextField
          control={form.control}
          name="email"
          type="email"
          inputMode="email"
          label={t('bookings.fields.email')}
          autoComplete="off"
          isRequired
        />
        <div className="dialog__actions">
          <Button className="button button--secondary" onPress={close} isDisabled={form.formState.isSubmitting}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" className="button button--primary" isPending={form.formState.isSubmitting}>
            {participant ? t('bookings.seats.replaceSubmit') : t('bookings.seats.addSubmit')}
          </Button>
        </div>
      </form>
    </>
  );
}

/**
 * Names the seats a booking holds but names nobody for (a match's hold names only its booker): one
 * at a time, each person getting their own confirmation.
 */
export function NameSeat({ booking, onChanged }: { booking: Booking; onChanged: BookingChanged }) {
  const { t } = useTranslation();
  const unnamed = booking.seats - booking.participants.length;
  return (
    <DialogTrigger>
      <Button className="button button--secondary">{t('bookings.seats.add', { count: unnamed })}</Button>
      <ModalOverlay className="modal-overlay">
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <ReplaceFlow booking={booking} participant={null} name="" close={close} onChanged={onChanged} />
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

interface OrganiserCancelSeatProps {
  booking: SessionBooking;
  participant: Participant;
  /** The participant's name as shown. */
  name: string;
  /** The session's time, as the page shows it. */
  time: string;
  /** Called with what happened: the page reloads the bookings and announces it. */
  onCancelled: (message: string) => void;
}

/**
 * The organiser's "Cancel seat" for one participant, until the session starts: the seat is freed
 * (the waitlist first), and the participant and the booker are told. The last participant's
 * cancellation cancels the booking, which the dialog says beforehand.
 */
export function OrganiserCancelSeat({ booking, participant, name, time, onCancelled }: OrganiserCancelSeatProps) {
  const { t } = useTranslation();
  const [, cancelParticipant] = useMutation(CancelSessionParticipantMutation);
  const [error, setError] = useState<AppError | null>(null);
  const last = booking.participants.length <= 1;

  const cancel = async () => {
    setError(null);
    const result = await cancelParticipant({ bookingId: booking.id, participantId: participant.id });
    if (result.error || !result.data) {
      if (result.error) setError(toAppError(result.error));
      return false;
    }
    onCancelled(
      result.data.cancelParticipant.state === 'CANCELLED'
        ? t('bookings.seats.bookingCancelled', { name })
        : t('bookings.seats.cancelledByOrganiser', { name }),
    );
    return true;
  };

  return (
    <DialogTrigger onOpenChange={() => setError(null)}>
      <Button className="button button--ghost seat-actions__button">
        {t('bookings.seats.cancelShort')}
        <span className="visually-hidden">: {name}</span>
      </Button>
      <ConfirmDialog
        title={t('bookings.seats.cancelTitle', { name })}
        confirmLabel={t('bookings.seats.cancelConfirm')}
        onConfirm={cancel}
        footer={<ErrorAlert error={error} />}
      >
        <p>
          {booking.state === 'WAITLISTED'
            ? t('bookings.seats.organiserCancelBodyWaitlist', { name, time })
            : t('bookings.seats.organiserCancelBody', { name, time })}
        </p>
        {last ? (
          <p>
            <strong>{t('bookings.seats.organiserCancelLast', { name })}</strong>
          </p>
        ) : null}
      </ConfirmDialog>
    </DialogTrigger>
  );
}
