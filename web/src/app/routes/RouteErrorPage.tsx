import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Page } from '../../shared/ui';

/** What a reader sees when a page fails to render: a plain message, never a stack trace. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('routeError.title')} lead={t('routeError.lead')}>
      <p>
        <a href="/">{t('notFound.home')}</a> ·{' '}
        <Link to="." reloadDocument>
          {t('routeError.reload')}
        </Link>
      </p>
    </Page>
  );
}

class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    // Another address is another page: it gets its own chance to render.
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('A page failed to render:', error, info.componentStack ?? '');
  }

  override render(): ReactNode {
    return this.state.failed ? <RouteErrorPage /> : this.props.children;
  }
}

/** The pages' error boundary: a page that throws while rendering shows RouteErrorPage in the frame. */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <ErrorBoundary resetKey={pathname}>{children}</ErrorBoundary>;
}
