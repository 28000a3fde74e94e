// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareI18n } from '../testing';
import { axeViolations } from '../testing/axe';
import { Loading, type LoadingShape } from './Loading';

const shapes: LoadingShape[] = ['lines', 'list', 'detail', 'form', 'inline'];

describe('a loading placeholder', () => {
  afterEach(cleanup);

  it.each(shapes)('in the shape “%s” says it is loading, and hides its shapes from screen readers', async (shape) => {
    render(
      <I18nextProvider i18n={prepareI18n()}>
        <main>
          <Loading shape={shape} />
        </main>
      </I18nextProvider>,
    );
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Ladataan…');
    if (shape !== 'inline') {
      expect(status.className).toContain(`placeholder--${shape}`);
      const drawn = status.querySelector('[aria-hidden="true"]');
      expect(drawn?.querySelectorAll('.placeholder-line').length).toBeGreaterThan(0);
    }
    expect(await axeViolations()).toEqual([]);
  });

  it('shapes a list as cards and a form as labelled fields, so the page does not jump when they come', () => {
    render(
      <I18nextProvider i18n={prepareI18n()}>
        <Loading shape="list" />
        <Loading shape="form" label="Lomake latautuu" />
      </I18nextProvider>,
    );
    const [list, form] = screen.getAllByRole('status');
    expect(list!.querySelectorAll('.placeholder-card')).toHaveLength(3);
    expect(form!.querySelectorAll('.placeholder-field .placeholder-input')).toHaveLength(3);
    expect(form!.textContent).toBe('Lomake latautuu');
  });
});
