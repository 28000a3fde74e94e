import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../shared/session';
import { withReturnTo } from '../../../shared/utils/returnTo';

/** The search to save, as the search page has it. */
export interface SearchToSave {
  /** A name to start from, e.g. "aurinkovoimala · Harjoittelupaikka". */
  name: string;
  /** The search page's own address, /search?… */
  path: string;
  /** The SearchFilter input object, exactly as the search query takes it. */
  filter: object;
}

/** The dialog with its form (react-hook-form, zod, react-aria's modal), only for a signed-in person. */
const SaveSearchDialog = lazy(async () => ({ default: (await import('./SaveSearchDialog')).SaveSearchDialog }));

/**
 * "Save this search" on the search page: a dialog for a name and how to hear of new results. A
 * visitor is told that signing in lets them save searches, and brought back to this search. Until
 * the session is known the reader is taken for a visitor, as on the server-rendered page, so the
 * page does not move when it is; the button stands, inactive, while its dialog's code loads.
 */
export function SaveSearch({ search }: { search: SearchToSave }) {
  const { t } = useTranslation();
  const { status } = useSession();
  if (status !== 'signedIn') {
    return (
      <p className="save-search save-search--hint">
        {t('savedSearches.save.signInHint')}{' '}
        <Link to={withReturnTo('/sign-in', search.path)}>{t('savedSearches.save.signIn')}</Link>
      </p>
    );
  }
  return (
    <Suspense
      fallback={
        <div className="save-search">
          <button type="button" className="button button--secondary" disabled>
            {t('savedSearches.save.open')}
          </button>
        </div>
      }
    >
      <SaveSearchDialog search={search} />
    </Suspense>
  );
}
