import { useEffect, useRef } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { FormRadioGroup, FormSelect, FormTextField } from '../../../shared/forms';
import { BillingOrganisationsQuery, SavedBillingDetailsQuery } from '../operations';
import { billingValues, type BookingFormValues } from './billingForm';

interface BillingFieldsetProps {
  form: UseFormReturn<BookingFormValues, unknown, unknown>;
  /** Participants asked for: more than one on a paid session needs billing details. */
  count: number;
  /**
   * Only an organisation can pay (claiming held seats that need billing details): the choice of
   * payer is not offered, the form's payer being ORGANISATION.
   */
  organisationPays?: boolean;
}

/**
 * Who pays for a paid session: the booker themselves (as the educator instructs), or an
 * organisation, invoiced by e-invoice or e-mail. One of the booker's organisations starts from its
 * details as last given (editable); another one's name is typed.
 */
export function BillingFieldset({ form, count, organisationPays = false }: BillingFieldsetProps) {
  const { t } = useTranslation();
  const { control, getValues, setValue } = form;
  const payer = useWatch({ control, name: 'payer' });
  const method = useWatch({ control, name: 'invoiceMethod' });
  const organisationId = useWatch({ control, name: 'organisationId' });
  const onBehalf = payer === 'ORGANISATION';
  const [{ data: mine }] = useQuery({ query: BillingOrganisationsQuery, variables: {}, pause: !onBehalf });
  const organisations = (mine?.me?.memberships ?? []).map((m) => m.organisation);
  const [{ data: saved, fetching }] = useQuery({
    query: SavedBillingDetailsQuery,
    variables: { organisationId },
    pause: !onBehalf || !organisationId,
  });

  // The first time on an organisation's behalf, start from the booker's first organisation.
  useEffect(() => {
    if (!onBehalf || organisations.length === 0) return;
    if (getValues('organisationId') === '' && getValues('organisationName') === '') {
      setValue('organisationId', organisations[0]!.id);
    }
  }, [onBehalf, organisations, getValues, setValue]);

  // Each organisation chosen fills the fields once: with its remembered details, else its name and business ID.
  const filledFor = useRef<string | null>(null);
  useEffect(() => {
    if (!organisationId || fetching || filledFor.current === organisationId) return;
    const organisation = organisations.find((o) => o.id === organisationId);
    if (!organisation || saved === undefined) return;
    filledFor.current = organisationId;
    const remembered = saved.savedBillingDetails;
    const values = remembered
      ? billingValues(remembered)
      : { organisationName: organisation.name, businessId: organisation.businessId ?? '' };
    for (const [name, value] of Object.entries(values)) {
      setValue(name as keyof typeof values, value, { shouldValidate: false });
    }
  }, [organisationId, fetching, saved, organisations, setValue]);

  return (
    <fieldset className="session-editor__fieldset billing-fieldset">
      <legend className="session-editor__legend">{t('bookings.billing.legend')}</legend>
      {organisationPays ? null : (
        <FormRadioGroup
          control={control}
          name="payer"
          label={t('bookings.billing.payer')}
          description={count > 1 ? t('bookings.billing.requiredForMany') : undefined}
          options={[
            { id: 'SELF', label: t('bookings.billing.self'), description: t('bookings.billing.selfHelp') },
            { id: 'ORGANISATION', label: t('bookings.billing.organisation') },
          ]}
          isRequired
        />
      )}
      {onBehalf ? (
        <>
          {organisations.length > 0 ? (
            <FormSelect
              control={control}
              name="organisationId"
              label={t('bookings.billing.organisationChoice')}
              options={[
                ...organisations.map((o) => ({ id: o.id, label: o.name })),
                { id: '', label: t('bookings.billing.otherOrganisation') },
              ]}
            />
          ) : null}
          <FormTextField
            control={control}
            name="organisationName"
            label={t('bookings.billing.organisationName')}
            autoComplete="organization"
            isRequired
          />
          <FormTextField
            control={control}
            name="businessId"
            label={t('bookings.billing.businessId')}
            description={t('bookings.billing.businessIdHelp')}
            isRequired
          />
          <FormRadioGroup
            control={control}
            name="invoiceMethod"
            label={t('bookings.billing.method')}
            options={[
              { id: 'E_INVOICE', label: t('bookings.billing.eInvoice') },
              { id: 'EMAIL', label: t('bookings.billing.email') },
            ]}
            isRequired
          />
          {method === 'EMAIL' ? (
            <FormTextField
              control={control}
              name="invoiceEmail"
              type="email"
              inputMode="email"
              label={t('bookings.billing.invoiceEmail')}
              isRequired
            />
          ) : (
            <div className="form__pair">
              <FormTextField
                control={control}
                name="eInvoiceAddress"
                label={t('bookings.billing.eInvoiceAddress')}
                description={t('bookings.billing.eInvoiceAddressHelp')}
                isRequired
              />
              <FormTextField
                control={control}
                name="eInvoiceOperator"
                label={t('bookings.billing.eInvoiceOperator')}
                description={t('bookings.billing.eInvoiceOperatorHelp')}
                isRequired
              />
            </div>
          )}
          <FormTextField
            control={control}
            name="reference"
            label={t('bookings.billing.reference')}
            description={t('bookings.billing.referenceHelp')}
          />
          {organisationId ? <p className="form__note">{t('bookings.billing.remembered')}</p> : null}
        </>
      ) : null}
    </fieldset>
  );
}
