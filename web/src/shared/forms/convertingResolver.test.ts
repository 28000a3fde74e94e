import { describe, expect, it } from 'vitest';
import { formFieldName } from './convertingResolver';

describe('formFieldName', () => {
  const options = { rename: { payAmountCents: 'payAmount', priceCents: 'price' }, dropPrefix: 'input' };

  it('renames the input’s fields to the form’s', () => {
    expect(formFieldName(['payAmountCents'], options)).toBe('payAmount');
    expect(formFieldName(['input', 'title'], options)).toBe('title');
  });

  it('keeps list items of objects apart and puts plain list items on the list', () => {
    expect(formFieldName(['sessions', 1, 'priceCents'], options)).toBe('sessions.1.price');
    expect(formFieldName(['input', 'topics', 3], options)).toBe('topics');
  });
});
