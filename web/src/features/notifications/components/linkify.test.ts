import { describe, expect, it } from 'vitest';
import { linkParts } from './linkify';

describe('linkParts', () => {
  it('finds the addresses in a message, leaving the sentence’s punctuation out', () => {
    const text =
      'Avaa palvelussa:\nhttp://127.0.0.1:3000/my/bookings.\nPeru (https://x.fi/bookings/cancel?token=a.b_c).';
    expect(linkParts(text)).toEqual([
      { kind: 'text', text: 'Avaa palvelussa:\n' },
      { kind: 'link', href: 'http://127.0.0.1:3000/my/bookings' },
      { kind: 'text', text: '.\nPeru (' },
      { kind: 'link', href: 'https://x.fi/bookings/cancel?token=a.b_c' },
      { kind: 'text', text: ').' },
    ]);
  });

  it('keeps text without addresses whole', () => {
    expect(linkParts('Hei!')).toEqual([{ kind: 'text', text: 'Hei!' }]);
    expect(linkParts('')).toEqual([]);
  });
});
