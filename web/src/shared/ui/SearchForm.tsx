import { useState } from 'react';
import { Button, Input, Label, SearchField } from 'react-aria-components';
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

/** A search box that searches on Enter or on its button, not on every keystroke. */
export function SearchForm({ label, initialValue, onSearch, native }: SearchFormProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initialValue);
  // The words from outside (the back button, a link, "clear the words") replace what is typed; the
  // box stays the same element, so a search made from it keeps focus in it.
  const [given, setGiven] = useState(initialValue);
  if (given !== initialValue) {
    setGiven(initialValue);
    setValue(initialValue);
  }
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
      <SearchField
        className="field search-form__field"
        name={native?.name}
        value={value}
        onChange={setValue}
        onClear={() => onSearch('')}
      >
        <Label className="field__label">{label}</Label>
        <div className="field__control">
          <Input className="field__input" />
          {value ? (
            <Button className="button button--ghost search-form__clear" aria-label={t('common.clearSearch')}>
              ✕
            </Button>
          ) : null}
        </div>
      </SearchField>
      <Button type="submit" className="button button--primary">
        {t('common.search')}
      </Button>
    </form>
  );
}
