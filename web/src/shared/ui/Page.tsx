import type { ReactNode } from 'react';
import { PageMeta, type PageMetaProps } from '../seo';

interface PageProps {
  /** The page's name, used for the tab title and, unless `heading` is given, as its heading. */
  title: string;
  heading?: ReactNode;
  lead?: ReactNode;
  /** The whole tab title, for a page about the whole site (the landing page). */
  documentTitle?: string;
  className?: string;
  /** What the head says beyond the title: description, structured data, robots, not found. */
  meta?: Omit<PageMetaProps, 'title' | 'fullTitle'>;
  children?: ReactNode;
}

/**
 * A page with its one h1 and its head (PageMeta: the tab title and more). The heading takes focus after each navigation (see RootLayout), so it
 * is focusable by script (tabIndex -1) but not a tab stop.
 */
export function Page({ title, heading, lead, documentTitle, className, meta, children }: PageProps) {
  return (
    <div className={className ? `page ${className}` : 'page'}>
      <PageMeta
        title={title}
        fullTitle={documentTitle}
        {...meta}
        description={meta?.description ?? (typeof lead === 'string' ? lead : undefined)}
      />
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
