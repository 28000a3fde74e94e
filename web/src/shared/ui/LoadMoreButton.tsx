import { useTranslation } from 'react-i18next';

/** The browser's own button: lists on the public pages hydrate without react-aria. */
export function LoadMoreButton({ onPress }: { onPress: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="load-more">
      <button type="button" className="button button--secondary" onClick={onPress}>
        {t('common.loadMore')}
      </button>
    </div>
  );
}
