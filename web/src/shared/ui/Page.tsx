import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets document.title to "<title> – Osaamisen keskusvaraamo", or to `full` as it is. */
export function useDocumentTitle(title: string, full?: string): void {
  const { t } = useTranslation();
  const siteName = t('app.name');
  useEffect(() => {
    document.title = full ?? `${title} – ${siteName}`;
  }, [title, full, siteName]);
}

interface PageProps {
  /** The page's name, used for the tab title and, unless `heading` is given, as its heading. */
  title: string;
  heading?: ReactNode;
  lead?: ReactNode;
  /** The whole tab title, for a page about the whole site (the landing page). */
  documentTitle?: string;
  className?: string;
  children?: ReactNode;
}

/**
 * A page with its one h1. The heading takes focus after each navigation (see RootLayout), so it
 * is focusable by script (tabIndex -1) but not a tab stop.
 */
export function Page({ title, heading, lead, documentTitle, className, children }: PageProps) {
  useDocumentTitle(title, documentTitle);
  return (
    <div className={className ? `page ${className}` : 'page'}>
      <div className="page__header">
        <h1 className="page__title" tabIndex={-1}>
          {heading ?? title}
        </h1>
        {lead ? <p className="page__lead">{lead}</p> : null}
      </div>
      {children}
    </div>
  );
}
