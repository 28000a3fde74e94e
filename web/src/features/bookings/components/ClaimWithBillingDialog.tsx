import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { FormErrorSummary, useSubmitError } from '../../../shared/forms';
import { useFormatters } from '../../../shared/i18n';
import { ClaimBookingMutation, type Booking } from '../operations';
import { BillingFieldset } from './BillingFieldset';
import { BILLING_RENAMES, billingInput, claimFormSchema, EMPTY_BILLING, type BookingFormValues } from './billingForm';

interface ClaimWithBillingDialogProps {
  booking: Booking;
  /** The claim button's text. */
  label: string;
  onClaimed: () => void;
}

/**
 * Claiming seats that need billing details first (claimNeedsBilling): the claim button opens a
 * dialog asking who is invoiced, starting from the organisation's details as last given; the seats
 * are confirmed with them in one step.
 */
export function ClaimWithBillingDialog({ booking, label, onClaimed }: ClaimWithBillingDialogProps) {
  return (
    <DialogTrigger>
      <Button className="button button--primary">{label}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal modal--wide">
          <Dialog className="dialog">
            {({ close }) => <ClaimForm booking={booking} close={close} onClaimed={onClaimed} />}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

function ClaimForm({ booking, close, onClaimed }: { booking: Booking; close: () => void; onClaimed: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [, claimBooking] = useMutation(ClaimBookingMutation);
  const schema = useMemo(() => claimFormSchema(), []);
  const form = useForm<BookingFormValues, unknown, BookingFormValues>({
    resolver: zodResolver(schema),
    defaultValues: { participants: [], ...EMPTY_BILLING, payer: 'ORGANISATION' },
  });
  // The server's `billing.x` field errors go to the form's billing fields.
  const submission = useSubmitError(form, BILLING_RENAMES);
  const submit = form.handleSubmit(async (values) => {
    submission.clear();
    const result = await claimBooking({ id: booking.id, billing: billingInput(values) });
    if (result.error) {
      submission.report(result.error);
      return;
    }
    close();
    onClaimed();
  });
  const { session, seats } = booking;
  return (
    <>
      <Heading slot="title" className="dialog__title">
        {t('bookings.claim.title', { count: seats })}
      </Heading>
      <div className="dialog__body">
        <p>
          <strong>{booking.offer.title}</strong>
          <br />
          {format.timeRange(session.startsAt, session.endsAt)}
        </p>
        <p>{t('bookings.claim.billingNeeded', { count: seats, price: format.money(session.priceCents * seats) })}</p>
      </div>
      <form className="form" noValidate onSubmit={submit}>
        <FormErrorSummary submission={submission} />
        <BillingFieldset form={form} count={seats} organisationPays />
        <div className="dialog__actions">
          <Button className="button button--secondary" onPress={close} isDisabled={form.formState.isSubmitting}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" className="button button--primary" isPending={form.formState.isSubmitting}>
            {t('bookings.claim.submit', { count: seats })}
          </Button>
        </div>
      </form>
    </>
  );
}
