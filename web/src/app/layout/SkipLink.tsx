import { useTranslation } from 'react-i18next';

/** The first tab stop: jumps past the header to the page's content. */
export function SkipLink({ onSkip }: { onSkip: () => void }) {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href="#main"
      onClick={(event) => {
        event.preventDefault();
        onSkip();
      }}
    >
      {t('layout.skipToContent')}
    </a>
  );
}
