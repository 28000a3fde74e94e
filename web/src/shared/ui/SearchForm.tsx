import { SEARCH_TEXT_MAX } from '@keskusvaraamo/shared';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface SearchFormProps {
  label: string;
  initialValue: string;
  onSearch: (value: string) => void;
  /**
   * Where the form goes before the app has run (a GET of `action` with the words as `name`, and
   * `keep`'s parameters as they are), so that a search made on a slow connection, before the
   * scripts have arrived, is not lost. Once the app runs, `onSearch` takes over.
   */
  native?: { action: string; name: string; keep?: [string, string][] };
}

/**
 * A search box that searches on Enter or on its button, not on every keystroke; Escape or the ✕
 * button clears the words (and searches without them). The browser's own input and buttons: they
 * are accessible as they are, and the public search page hydrates without react-aria's press and
 * focus machinery, which was most of its script.
 */
export function SearchForm({ label, initialValue, onSearch, native }: SearchFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(initialValue);
  // The words from outside (the back button, a link, "clear the words") replace what is typed; the
  // box stays the same element, so a search made from it keeps focus in it.
  const [given, setGiven] = useState(initialValue);
  if (given !== initialValue) {
    setGiven(initialValue);
    setValue(initialValue);
  }
  const clear = () => {
    setValue('');
    onSearch('');
  };
  return (
    <form
      role="search"
      className="search-form"
      action={native?.action}
      method={native ? 'get' : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(value);
      }}
    >
      {native?.keep?.map(([key, kept], index) => (
        <input key={`${key}-${index}`} type="hidden" name={key} value={kept} />
      ))}
      <div className="field search-form__field">
        <label htmlFor={id} className="field__label">
          {label}
        </label>
        <div className="field__control">
          <input
            id={id}
            ref={input}
            type="search"
            className="field__input"
            name={native?.name}
            value={value}
            maxLength={SEARCH_TEXT_MAX}
            enterKeyHint="search"
            onChange={(event) => setValue(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && value) {
                event.preventDefault();
                clear();
              }
            }}
          />
          {value ? (
            <button
              type="button"
              className="button button--ghost search-form__clear"
              aria-label={t('common.clearSearch')}
              onClick={() => {
                clear();
                input.current?.focus();
              }}
            >
              ✕
            </button>
          ) : null}
        </div>
      </div>
      <button type="submit" className="button button--primary">
        {t('common.search')}
      </button>
    </form>
  );
}
