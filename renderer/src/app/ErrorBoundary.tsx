import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { platform } from '../platform';

interface ErrorBoundaryProps {
  readonly children: ReactNode;
  /** Leaves the failed screen, such as going to the dashboard; without it only Reload is offered. */
  readonly onLeave?: () => void;
  /** A new value, such as the next screen chosen in the navigation, clears the error and renders the children again. */
  readonly resetKey?: unknown;
}

interface ErrorBoundaryState {
  readonly error: Error | null;
}

/**
 * Catches an error thrown while rendering the screens, logs it through the platform API and
 * shows an error screen with a way back, instead of the blank window React leaves otherwise.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const described = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    platform.log('error', `Rendering failed: ${described}`, { componentStack: (info.componentStack ?? '').trim().slice(0, 2_000) });
  }

  override componentDidUpdate(previous: ErrorBoundaryProps): void {
    if (this.state.error !== null && previous.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  private readonly leave = (): void => {
    this.props.onLeave?.();
    this.setState({ error: null });
  };

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return <ErrorScreen error={this.state.error} onLeave={this.props.onLeave === undefined ? undefined : this.leave} />;
  }
}

function ErrorScreen({ error, onLeave }: { readonly error: Error; readonly onLeave: (() => void) | undefined }) {
  const { t } = useTranslation();
  return (
    <section className="panel" role="alert" aria-labelledby="error-screen-title" data-testid="error-screen">
      <h1 id="error-screen-title">{t('errorScreen.title')}</h1>
      <p>{t('errorScreen.savedDataSafe')}</p>
      <p className="muted">{t('errorScreen.logged')}</p>
      <div className="button-row">
        {onLeave === undefined ? null : (
          <button type="button" className="button primary" onClick={onLeave}>
            {t('errorScreen.goToDashboard')}
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={() => {
            window.location.reload();
          }}
        >
          {t('errorScreen.reload')}
        </button>
      </div>
      <details>
        <summary>{t('errorScreen.details')}</summary>
        <pre>{`${error.name}: ${error.message}`}</pre>
      </details>
    </section>
  );
}
