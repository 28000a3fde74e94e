import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export function LoadMoreButton({ onPress }: { onPress: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="load-more">
      <Button className="button button--secondary" onPress={onPress}>
        {t('common.loadMore')}
      </Button>
    </div>
  );
}
