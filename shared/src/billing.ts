/**
 * Billing details of a booking of a paid session made on behalf of an organisation: who is
 * invoiced (the organisation's name and Finnish business ID), how (an e-invoice address with its
 * operator, or an e-mail address for invoices) and an optional reference. The service takes no
 * payment; the course's organiser invoices from these. Shared by the server (which enforces them)
 * and the booking form (which shows the same messages early).
 */
import { z } from 'zod';
import { isValidBusinessId, normaliseBusinessId } from './businessId.js';
import { bookSeatsSchema } from './marketplace.js';
import { optionalSingleLineText, singleLineText } from './text.js';

/** How the organisation wants its invoice: an e-invoice (verkkolasku) or a PDF by e-mail. */
export const INVOICE_METHODS = ['E_INVOICE', 'EMAIL'] as const;
export type InvoiceMethod = (typeof INVOICE_METHODS)[number];

/** The longest each field may be (Finvoice allows 35 characters for addresses and operator ids). */
export const BILLING_LIMITS = {
  organisationName: 200,
  eInvoiceAddress: 35,
  eInvoiceOperator: 35,
  invoiceEmail: 254,
  reference: 70,
} as const;

/** An e-invoice address or operator id as written on invoices: no spaces, capital letters. */
export function normaliseInvoiceId(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** IBAN check (ISO 13616, mod 97): an account number used as an e-invoice address. */
function isValidIban(iban: string): boolean {
  const moved = iban.slice(4) + iban.slice(0, 4);
  const digits = moved.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
}

/**
 * Whether an e-invoice address (verkkolaskuosoite) is sensible: an OVT code ("0037", the business
 * ID's eight digits without the hyphen, an optional suffix of up to five letters or digits) with a
 * right check digit; a Finnish IBAN with a right check; or another operator's address of 8 to 35
 * letters and digits (a PEPPOL id may hold ":" too).
 */
export function isValidEInvoiceAddress(input: string): boolean {
  const address = normaliseInvoiceId(input);
  if (address.length < 8 || address.length > BILLING_LIMITS.eInvoiceAddress) return false;
  if (address.startsWith('0037')) {
    const ovt = /^0037(\d{7})(\d)[0-9A-Z]{0,5}$/.exec(address);
    return !!ovt && isValidBusinessId(`${ovt[1]}-${ovt[2]}`);
  }
  if (/^FI\d/.test(address)) return /^FI\d{16}$/.test(address) && isValidIban(address);
  return /^[0-9A-Z][0-9A-Z:]{7,34}$/.test(address);
}

/** Whether an e-invoice operator id (välittäjätunnus) is sensible: 4 to 35 letters and digits (an OVT code or a BIC). */
export function isValidEInvoiceOperator(input: string): boolean {
  return /^[0-9A-Z]{4,35}$/.test(normaliseInvoiceId(input));
}

const invoiceEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(BILLING_LIMITS.invoiceEmail, { error: 'validation.tooLong' })
  .pipe(z.union([z.literal(''), z.email({ error: 'validation.email' })]))
  .nullish()
  .transform((v) => (v ? v : null));

const invoiceId = (max: number, valid: (v: string) => boolean, message: string) =>
  z
    .string()
    .overwrite(normaliseInvoiceId)
    .max(max, { error: 'validation.tooLong' })
    .refine((v) => v === '' || valid(v), { error: message })
    .nullish()
    .transform((v) => (v ? v : null));

/**
 * A booking's billing details as the booker gives them. `organisationId`: one of the booker's
 * organisations (the server checks the membership); without it the name is typed. Of the invoice
 * fields, only the chosen method's are kept.
 */
export const billingSchema = z
  .object({
    organisationId: z
      .uuid({ error: 'validation.id' })
      .nullish()
      .transform((v) => v ?? null),
    organisationName: singleLineText(BILLING_LIMITS.organisationName),
    businessId: z
      .string({ error: 'validation.required' })
      .trim()
      .min(1, { error: 'validation.required' })
      .max(9, { error: 'validation.businessId' })
      .refine(isValidBusinessId, { error: 'validation.businessId' }),
    invoiceMethod: z.enum(INVOICE_METHODS, { error: 'validation.choice' }),
    eInvoiceAddress: invoiceId(BILLING_LIMITS.eInvoiceAddress, isValidEInvoiceAddress, 'validation.eInvoiceAddress'),
    eInvoiceOperator: invoiceId(
      BILLING_LIMITS.eInvoiceOperator,
      isValidEInvoiceOperator,
      'validation.eInvoiceOperator',
    ),
    invoiceEmail,
    reference: optionalSingleLineText(BILLING_LIMITS.reference),
  })
  // The chosen method's fields are required (checked once every field is well formed).
  .superRefine((b, ctx) => {
    if (b.invoiceMethod === 'E_INVOICE') {
      if (b.eInvoiceAddress === null) {
        ctx.addIssue({ code: 'custom', path: ['eInvoiceAddress'], message: 'validation.required' });
      }
      if (b.eInvoiceOperator === null) {
        ctx.addIssue({ code: 'custom', path: ['eInvoiceOperator'], message: 'validation.required' });
      }
    } else if (b.invoiceEmail === null) {
      ctx.addIssue({ code: 'custom', path: ['invoiceEmail'], message: 'validation.required' });
    }
  })
  .transform((b) => ({
    ...b,
    businessId: normaliseBusinessId(b.businessId)!,
    eInvoiceAddress: b.invoiceMethod === 'E_INVOICE' ? b.eInvoiceAddress : null,
    eInvoiceOperator: b.invoiceMethod === 'E_INVOICE' ? b.eInvoiceOperator : null,
    invoiceEmail: b.invoiceMethod === 'EMAIL' ? b.invoiceEmail : null,
  }));
export type BillingInput = z.input<typeof billingSchema>;
export type Billing = z.output<typeof billingSchema>;

/** The booking request with its billing details (null: none given), as the server parses it. */
export const bookSeatsWithBillingSchema = bookSeatsSchema.extend({
  billing: billingSchema.nullish().transform((v) => v ?? null),
});

/**
 * Claiming a seat held for the booker (claimBooking): billing details, when the held booking needs
 * them and has none (a coordinator's match holds seats for a company that had none saved).
 */
export const claimBookingSchema = z.object({
  billing: billingSchema.nullish().transform((v) => v ?? null),
});
