import type { ReactNode } from 'react';

/** What a list shows when it has nothing yet: what that means, and a helpful next step. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state__title">{title}</p>
      {children ? <div className="empty-state__body">{children}</div> : null}
      {action ? <div className="button-row">{action}</div> : null}
    </div>
  );
}
