// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareI18n } from '../testing';
import { FormRadioGroup } from './FormRadioGroup';

const OPTIONS = [
  { id: 'COURSE', label: 'Koulutus' },
  { id: 'INTERNSHIP', label: 'Harjoittelu' },
];

function Question({ initial }: { initial: string | null }) {
  const form = useForm<{ kind: string | null }>({ defaultValues: { kind: initial } });
  return (
    <form>
      <button type="button">Ennen</button>
      <FormRadioGroup control={form.control} name="kind" label="Mitä tarvitset?" options={OPTIONS} />
    </form>
  );
}

describe('a radio group in a form', () => {
  beforeEach(() => void prepareI18n());
  afterEach(cleanup);

  it.each([
    ['an empty string', ''],
    ['null', null],
  ])('is reached by Tab when nothing is chosen (the default is %s)', async (_what, initial) => {
    render(<Question initial={initial} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Ennen' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Koulutus' }));
    // The arrow keys choose, as in any radio group.
    await user.keyboard('{ArrowDown}');
    expect((screen.getByRole('radio', { name: 'Harjoittelu' }) as HTMLInputElement).checked).toBe(true);
  });

  it('is reached at its chosen option when one is chosen', async () => {
    render(<Question initial="INTERNSHIP" />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Ennen' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Harjoittelu' }));
  });
});
