import { useState } from 'react';
import { Button, Input, Label, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

interface SearchFormProps {
  label: string;
  initialValue: string;
  onSearch: (value: string) => void;
}

/** A search box that searches on Enter or on its button, not on every keystroke. */
export function SearchForm({ label, initialValue, onSearch }: SearchFormProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initialValue);
  return (
    <form
      role="search"
      className="search-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(value);
      }}
    >
      <SearchField className="field search-form__field" value={value} onChange={setValue} onClear={() => onSearch('')}>
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
