import { describe, expect, it } from 'vitest';
import {
  billingSchema,
  bookSeatsWithBillingSchema,
  isValidEInvoiceAddress,
  isValidEInvoiceOperator,
} from './billing.js';
import { billingRequired } from './billingRule.js';

const valid = {
  organisationName: 'Tunturienergia Oy',
  businessId: '1572860-0',
  invoiceMethod: 'E_INVOICE',
  eInvoiceAddress: '003715728600',
  eInvoiceOperator: '003723327487',
} as const;

const issues = (input: unknown) => {
  const result = billingSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
};

describe('billing details', () => {
  it('needs them for a paid session booked for an organisation or for more than one seat', () => {
    expect(billingRequired(0, 3, true)).toBe(false);
    expect(billingRequired(12_000, 1, false)).toBe(false);
    expect(billingRequired(12_000, 2, false)).toBe(true);
    expect(billingRequired(12_000, 1, true)).toBe(true);
  });

  it('checks e-invoice addresses: OVT with the business ID’s check digit, IBAN, others by shape', () => {
    expect(isValidEInvoiceAddress('003715728600')).toBe(true);
    expect(isValidEInvoiceAddress('0037 1572 8600 01')).toBe(true);
    expect(isValidEInvoiceAddress('003715728601')).toBe(false);
    expect(isValidEInvoiceAddress('0037157286')).toBe(false);
    expect(isValidEInvoiceAddress('FI4950009420028730')).toBe(true);
    expect(isValidEInvoiceAddress('FI4950009420028731')).toBe(false);
    expect(isValidEInvoiceAddress('TE003715728600')).toBe(true);
    expect(isValidEInvoiceAddress('ABC')).toBe(false);
    expect(isValidEInvoiceAddress('X'.repeat(36))).toBe(false);
    expect(isValidEInvoiceAddress('=HYPERLINK(1)')).toBe(false);
    expect(isValidEInvoiceOperator('BAWCFI22')).toBe(true);
    expect(isValidEInvoiceOperator('E204503')).toBe(true);
    expect(isValidEInvoiceOperator('OP')).toBe(false);
  });

  it('keeps only the chosen method’s fields, normalised', () => {
    const parsed = billingSchema.parse({
      ...valid,
      businessId: ' 1572860-0 ',
      eInvoiceAddress: '0037 1572 8600',
      eInvoiceOperator: 'bawcfi22',
      invoiceEmail: 'ignored@example.com',
      reference: '  PO-1234 ',
    });
    expect(parsed).toMatchObject({
      organisationId: null,
      businessId: '1572860-0',
      eInvoiceAddress: '003715728600',
      eInvoiceOperator: 'BAWCFI22',
      invoiceEmail: null,
      reference: 'PO-1234',
    });
    expect(billingSchema.parse({ ...valid, invoiceMethod: 'EMAIL', invoiceEmail: 'Laskut@Example.com' })).toMatchObject(
      {
        invoiceEmail: 'laskut@example.com',
        eInvoiceAddress: null,
        eInvoiceOperator: null,
      },
    );
  });

  it('names every wrong field', () => {
    expect(issues({ ...valid, businessId: '1572860-1' })).toEqual(['businessId:validation.businessId']);
    expect(issues({ ...valid, eInvoiceAddress: '', eInvoiceOperator: null })).toEqual([
      'eInvoiceAddress:validation.required',
      'eInvoiceOperator:validation.required',
    ]);
    expect(issues({ ...valid, invoiceMethod: 'EMAIL' })).toEqual(['invoiceEmail:validation.required']);
    expect(issues({ ...valid, invoiceMethod: 'EMAIL', invoiceEmail: 'nope' })).toEqual([
      'invoiceEmail:validation.email',
    ]);
    expect(issues({ ...valid, reference: 'x'.repeat(71) })).toEqual(['reference:validation.tooLong']);
    expect(issues({ ...valid, organisationName: '' })).toEqual(['organisationName:validation.required']);
    expect(issues({ ...valid, invoiceMethod: 'CASH' })).toEqual(['invoiceMethod:validation.choice']);
  });

  it('goes with a booking request', () => {
    const base = { sessionId: '7b0c6a4e-3f1e-4c39-9a55-0d8f2b3c1a20', idempotencyKey: 'key-12345678' };
    expect(bookSeatsWithBillingSchema.parse(base).billing).toBeNull();
    expect(bookSeatsWithBillingSchema.parse({ ...base, billing: valid }).billing?.businessId).toBe('1572860-0');
  });
});
