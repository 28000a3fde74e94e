// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { prepareI18n } from '../../shared/testing';
import { OfflineNotice } from './OfflineNotice';

describe('the offline notice', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('says so when the connection drops, and goes when it is back, in a region that stays for screen readers', () => {
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    render(
      <I18nextProvider i18n={prepareI18n()}>
        <OfflineNotice />
      </I18nextProvider>,
    );
    const region = screen.getByRole('status');
    expect(region.textContent).toBe('');

    online.mockReturnValue(false);
    act(() => void window.dispatchEvent(new Event('offline')));
    expect(screen.getByRole('status')).toBe(region);
    expect(region.textContent).toContain('Ei verkkoyhteyttä.');

    online.mockReturnValue(true);
    act(() => void window.dispatchEvent(new Event('online')));
    expect(region.textContent).toBe('');
  });
});
