import {
  billingRequired,
  billingSchema,
  INVOICE_METHODS,
  MAX_PARTICIPANTS_PER_BOOKING,
  participantSchema,
  type InvoiceMethod,
} from '@keskusvaraamo/shared';
import { z } from 'zod';
import type { BillingDetails, BillingInput } from '../operations';

/** Who pays for a paid session: the booker as the educator instructs, or an organisation by invoice. */
export const PAYERS = ['SELF', 'ORGANISATION'] as const;
export type Payer = (typeof PAYERS)[number];

/** The booking form's billing fields, flat so that the server's `billing.x` errors find them (`BILLING_RENAMES`). */
const billingFields = {
  payer: z.enum(PAYERS),
  /** One of the booker's organisations, or '' for a typed name. */
  organisationId: z.string(),
  organisationName: z.string(),
  businessId: z.string(),
  invoiceMethod: z.enum(INVOICE_METHODS),
  eInvoiceAddress: z.string(),
  eInvoiceOperator: z.string(),
  invoiceEmail: z.string(),
  reference: z.string(),
};

/** The server's names for the billing fields, as the form names them. */
export const BILLING_RENAMES: Readonly<Record<string, string>> = {
  billing: 'payer',
  ...Object.fromEntries(
    [
      'organisationId',
      'organisationName',
      'businessId',
      'invoiceMethod',
      'eInvoiceAddress',
      'eInvoiceOperator',
      'invoiceEmail',
      'reference',
    ].map((name) => [`billing.${name}`, name]),
  ),
};

type BillingValues = { [K in keyof typeof billingFields]: z.input<(typeof billingFields)[K]> };

/** What the form sends as `billing`: only the chosen method's fields. */
export function billingInput(values: BillingValues): BillingInput {
  const email = values.invoiceMethod === 'EMAIL';
  return {
    organisationId: values.organisationId || null,
    organisationName: values.organisationName,
    businessId: values.businessId,
    invoiceMethod: values.invoiceMethod,
    eInvoiceAddress: email ? null : values.eInvoiceAddress,
    eInvoiceOperator: email ? null : values.eInvoiceOperator,
    invoiceEmail: email ? values.invoiceEmail : null,
    reference: values.reference || null,
  };
}

/**
 * The booking form's schema for a session at this price: participants, and on a paid session the
 * billing details when the booker books on an organisation's behalf or more than one seat (shared's
 * `billingRequired`, which the server enforces too), checked by the server's own schema.
 */
export function bookingFormSchema(priceCents: number) {
  return z
    .object({
      participants: z
        .array(participantSchema)
        .min(1, { error: 'validation.atLeastOne' })
        .max(MAX_PARTICIPANTS_PER_BOOKING, { error: 'validation.tooMany' }),
      ...billingFields,
    })
    .superRefine((values, ctx) => {
      const onBehalf = values.payer === 'ORGANISATION';
      if (billingRequired(priceCents, values.participants.length, onBehalf)) checkBilling(values, ctx);
    });
}
export type BookingFormValues = z.input<ReturnType<typeof bookingFormSchema>>;

/** The billing fields as the server's schema would take them: an organisation, invoiced by one method. */
function checkBilling(values: BillingValues, ctx: z.RefinementCtx): void {
  if (values.payer !== 'ORGANISATION') {
    ctx.addIssue({ code: 'custom', path: ['payer'], message: 'validation.billingRequired' });
    return;
  }
  const result = billingSchema.safeParse(billingInput(values));
  if (result.success) return;
  for (const issue of result.error.issues) {
    ctx.addIssue({ code: 'custom', path: [String(issue.path[0])], message: issue.message });
  }
}

/**
 * Claiming held seats that need billing details (claimNeedsBilling): the booking form's billing
 * fields, always required. Its participants are the booking's, kept as they are.
 */
export function claimFormSchema() {
  return z.object({ participants: z.array(participantSchema), ...billingFields }).superRefine(checkBilling);
}

/** The billing fields as a booking starts them: nothing chosen yet, an e-invoice by default. */
export const EMPTY_BILLING = {
  payer: 'SELF' as Payer,
  organisationId: '',
  organisationName: '',
  businessId: '',
  invoiceMethod: 'E_INVOICE' as InvoiceMethod,
  eInvoiceAddress: '',
  eInvoiceOperator: '',
  invoiceEmail: '',
  reference: '',
};

/** The form's billing fields from an organisation's remembered details. */
export function billingValues(saved: BillingDetails): Omit<typeof EMPTY_BILLING, 'payer' | 'organisationId'> {
  return {
    organisationName: saved.organisationName,
    businessId: saved.businessId,
    invoiceMethod: saved.invoiceMethod,
    eInvoiceAddress: saved.eInvoiceAddress ?? '',
    eInvoiceOperator: saved.eInvoiceOperator ?? '',
    invoiceEmail: saved.invoiceEmail ?? '',
    reference: saved.reference ?? '',
  };
}
