// @vitest-environment jsdom
import { ERASED_TEXT, erasedEmail } from '@keskusvaraamo/shared';
import { renderHook } from '@testing-library/react';
import i18n from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { prepareI18n } from '../testing';
import { erasedOr, useErased } from './erased';

describe('erased names and texts', () => {
  beforeAll(() => {
    prepareI18n();
  });
  afterEach(async () => {
    await i18n.changeLanguage('fi');
  });

  it('replaces the erased marker and an anonymised address, and nothing else', () => {
    expect(erasedOr(ERASED_TEXT, 'Poistettu')).toBe('Poistettu');
    expect(erasedOr(erasedEmail('0b6f8c1e-0000-4000-8000-000000000000'), 'Poistettu')).toBe('Poistettu');
    expect(erasedOr('Sanni Säkkinen', 'Poistettu')).toBe('Sanni Säkkinen');
    // Only the whole marker: a person may write it inside their own text.
    expect(erasedOr(`Kirjoitin ${ERASED_TEXT} tähän`, 'Poistettu')).toBe(`Kirjoitin ${ERASED_TEXT} tähän`);
    expect(erasedOr('sanni@example.fi', 'Poistettu')).toBe('sanni@example.fi');
  });

  it.each([
    ['fi', 'Poistettu käyttäjä', 'Poistettu'],
    ['sv', 'Raderad användare', 'Borttaget'],
    ['en', 'Deleted user', 'Removed'],
  ])('reads a person as a deleted user and a text as removed, in %s', async (language, person, text) => {
    await i18n.changeLanguage(language);
    const { result } = renderHook(() => useErased());
    expect(result.current.name(ERASED_TEXT)).toBe(person);
    // A name the API no longer gives (an account removed) reads the same.
    expect(result.current.name(null)).toBe(person);
    expect(result.current.name('Kaisa Koordinaattori')).toBe('Kaisa Koordinaattori');
    expect(result.current.text(ERASED_TEXT)).toBe(text);
    expect(result.current.text('Hei! Tervetuloa.')).toBe('Hei! Tervetuloa.');
  });
});
