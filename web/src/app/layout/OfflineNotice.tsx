import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** Whether the browser has a connection; the server renders as online. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
}

/**
 * Says so when the connection drops (a phone between masts in Salla): what is on the page stays
 * readable, but nothing new loads and nothing is saved until it is back. Said politely, in a
 * region that is always in the page so that screen readers announce it.
 */
export function OfflineNotice() {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <div role="status" className={online ? 'live-region' : 'alert alert--warning offline-notice'}>
      {online ? null : (
        <p>
          <strong>{t('layout.offline.title')}</strong> {t('layout.offline.body')}
        </p>
      )}
    </div>
  );
}
