// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm, type Resolver } from 'react-hook-form';
import type { CombinedError } from 'urql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareDom, prepareI18n } from '../testing';
import { axeViolations } from '../testing/axe';
import { FormErrorSummary } from './FormErrorSummary';
import { FormRadioGroup } from './FormRadioGroup';
import { FormSelect } from './FormSelect';
import { FormTextField } from './FormTextField';
import { useSubmitError } from './useSubmitError';

interface Values {
  name: string;
  kind: string;
  municipality: string;
}

const required: Resolver<Values> = (values) => {
  const errors = Object.fromEntries(
    (Object.keys(values) as (keyof Values)[])
      .filter((key) => values[key] === '')
      .map((key) => [key, { type: 'required', message: 'validation.required' }]),
  );
  return { values: Object.keys(errors).length ? {} : values, errors };
};

/** A form of a text field, a radio group and a select, whose server refuses the name once. */
function Example({ serverRefuses }: { serverRefuses: boolean }) {
  const form = useForm<Values>({ resolver: required, defaultValues: { name: '', kind: '', municipality: '' } });
  const submission = useSubmitError(form);
  const submit = form.handleSubmit(() => {
    submission.clear();
    if (serverRefuses)
      submission.report({
        graphQLErrors: [
          {
            message: 'VALIDATION',
            extensions: { code: 'VALIDATION', fields: [{ field: 'name', message: 'validation.tooLong' }] },
          },
        ],
      } as unknown as CombinedError);
  });
  return (
    <main>
      <form noValidate onSubmit={submit}>
        <FormErrorSummary submission={submission} />
        <FormTextField control={form.control} name="name" label="Nimi" isRequired />
        <FormRadioGroup
          control={form.control}
          name="kind"
          label="Mikä laji?"
          options={[
            { id: 'COMPANY', label: 'Yritys' },
            { id: 'SCHOOL', label: 'Oppilaitos' },
          ]}
        />
        <FormSelect
          control={form.control}
          name="municipality"
          label="Kunta"
          options={[{ id: '698', label: 'Rovaniemi' }]}
        />
        <button type="submit">Tallenna</button>
      </form>
    </main>
  );
}

const summaryLinks = () =>
  within(screen.getByRole('list', { name: 'Korjattavat kohdat' }))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('a form’s error summary', () => {
  beforeEach(() => {
    prepareI18n();
    prepareDom();
  });
  afterEach(cleanup);

  it('says nothing before the form is sent', async () => {
    render(<Example serverRefuses={false} />);
    expect(screen.getByRole('alert').textContent).toBe('');
    expect(screen.queryByRole('list', { name: 'Korjattavat kohdat' })).toBeNull();
  });

  it('names each wrong field by its label, links to it, and drops a field once it is put right', async () => {
    render(<Example serverRefuses={false} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Tallenna' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Lomakkeessa on 3 korjattavaa kohtaa.'));
    await waitFor(() =>
      expect(summaryLinks()).toEqual([
        'Nimi: Tämä tieto tarvitaan.',
        'Mikä laji? Tämä tieto tarvitaan.',
        'Kunta: Tämä tieto tarvitaan.',
      ]),
    );
    // The first wrong field has focus; a link takes it to its field (a group's first option).
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Nimi' }));
    await user.click(screen.getByRole('link', { name: 'Mikä laji? Tämä tieto tarvitaan.' }));
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Yritys' }));
    expect(await axeViolations()).toEqual([]);

    await user.keyboard(' ');
    await waitFor(() =>
      expect(summaryLinks()).toEqual(['Nimi: Tämä tieto tarvitaan.', 'Kunta: Tämä tieto tarvitaan.']),
    );
    // What was said when the form was sent is not said again as fields are put right.
    expect(screen.getByRole('alert').textContent).toBe('Lomakkeessa on 3 korjattavaa kohtaa.');
  });

  it('lists a field the server refused, under the server’s message', async () => {
    render(<Example serverRefuses />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Nimi' }), 'Tunturi Oy');
    await user.click(screen.getByRole('radio', { name: 'Yritys' }));
    await user.click(screen.getByRole('button', { name: /Kunta/ }));
    await user.click(await screen.findByRole('option', { name: 'Rovaniemi' }));
    await user.click(screen.getByRole('button', { name: 'Tallenna' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Tarkista merkityt kentät.'));
    await waitFor(() => expect(summaryLinks()).toEqual(['Nimi: Teksti on liian pitkä.']));
  });
});
