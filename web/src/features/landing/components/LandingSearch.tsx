import { SEARCH_TEXT_MAX } from '@keskusvaraamo/shared';
import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useHref, useNavigate } from 'react-router';

/**
 * The front page's search box: the browser's own form, a GET of the search page, so that it works
 * before the app has run (or without it); once it has, the app shows the results without a reload.
 */
export function LandingSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const action = useHref('/search');
  const inputId = useId();
  const hintId = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    navigate(q ? `/search?${new URLSearchParams({ q })}` : '/search');
  };
  return (
    <form role="search" className="landing-search card" action={action} method="get" onSubmit={submit}>
      <label htmlFor={inputId} className="field__label landing-search__label">
        {t('landing.live.searchLabel')}
      </label>
      <p id={hintId} className="field__description">
        {t('landing.live.searchHint')}
      </p>
      <div className="landing-search__row">
        <input
          id={inputId}
          className="field__input"
          type="search"
          name="q"
          maxLength={SEARCH_TEXT_MAX}
          aria-describedby={hintId}
          enterKeyHint="search"
        />
        <button type="submit" className="button button--primary">
          {t('landing.live.searchButton')}
        </button>
      </div>
    </form>
  );
}
