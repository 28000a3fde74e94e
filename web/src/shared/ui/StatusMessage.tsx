import type { ReactNode } from 'react';

/** A polite live region for outcomes that need no urgent attention ("Saved"). */
export function StatusMessage({ children, tone = 'success' }: { children?: ReactNode; tone?: 'success' | 'info' }) {
  return (
    <div role="status" className={children ? `alert alert--${tone}` : 'live-region'}>
      {children ? <p>{children}</p> : null}
    </div>
  );
}
