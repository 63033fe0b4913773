import { Component, useEffect, useRef } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { findCommand } from '@shared/commands/registry';
import { shortcutLabel } from '../features/commands/shortcuts';
import { platform } from '../platform';
import { subscribeUncaughtErrors } from './uncaughtErrors';
import type { UncaughtErrorLevel } from './uncaughtErrors';

interface ErrorBoundaryProps {
  readonly children: ReactNode;
  /** Leaves the failed screen, such as going to the dashboard; without it only Reload is offered. */
  readonly onLeave?: () => void;
  /** A new value, such as the next screen chosen in the navigation, clears the error and renders the children again. */
  readonly resetKey?: unknown;
  /** Also shows errors that no code caught, such as one thrown in a click handler, at this level. */
  readonly uncaughtErrorLevel?: UncaughtErrorLevel;
}

interface ErrorBoundaryState {
  readonly error: Error | null;
  /** `render` when a child threw while rendering, `uncaught` for an error that no code caught. */
  readonly cause: 'render' | 'uncaught';
}

/**
 * Catches an error thrown while rendering the screens, logs it through the platform API and
 * shows an error screen with a way back, instead of the blank window React leaves otherwise.
 * With `uncaughtErrorLevel` it also shows the uncaught errors that `uncaughtErrors.ts` logs.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, cause: 'render' };
  private unsubscribe: (() => void) | undefined;

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)), cause: 'render' };
  }

  override componentDidMount(): void {
    const level = this.props.uncaughtErrorLevel;
    if (level === undefined) return;
    this.unsubscribe = subscribeUncaughtErrors(level, (error) => {
      // The first error stays on screen, because later ones are often its consequences.
      this.setState((current) => (current.error === null ? { error, cause: 'uncaught' } : current));
    });
  }

  override componentWillUnmount(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
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

  private readonly dismiss = (): void => {
    this.setState({ error: null });
  };

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <ErrorScreen
        error={this.state.error}
        cause={this.state.cause}
        onLeave={this.props.onLeave === undefined ? undefined : this.leave}
        onDismiss={this.state.cause === 'uncaught' ? this.dismiss : undefined}
      />
    );
  }
}

interface ErrorScreenProps {
  readonly error: Error;
  readonly cause: ErrorBoundaryState['cause'];
  /** Goes to the dashboard; `undefined` hides the button. */
  readonly onLeave: (() => void) | undefined;
  /** Shows the screen again, which only an uncaught error leaves intact; `undefined` hides the button. */
  readonly onDismiss: (() => void) | undefined;
}

function ErrorScreen({ error, cause, onLeave, onDismiss }: ErrorScreenProps) {
  const { t } = useTranslation();
  const actions = useRef<HTMLDivElement>(null);
  // The screen replaces what had focus, so a keyboard user starts on its first way back.
  useEffect(() => {
    actions.current?.querySelector('button')?.focus();
  }, []);
  return (
    <section className="panel" role="alert" aria-labelledby="error-screen-title" data-testid="error-screen">
      <h1 id="error-screen-title">{cause === 'render' ? t('errorScreen.title') : t('errorScreen.uncaughtTitle')}</h1>
      <p>{cause === 'render' ? t('errorScreen.savedDataSafe') : t('errorScreen.uncaughtSavedData')}</p>
      <p className="muted">
        {platform.host === 'electron' ? t('errorScreen.logged') : t('errorScreen.loggedInBrowser', { shortcut: paletteShortcut() })}
      </p>
      <div className="button-row" ref={actions}>
        {onDismiss === undefined ? null : (
          <button type="button" className="button primary" onClick={onDismiss}>
            {t('errorScreen.backToScreen')}
          </button>
        )}
        {onLeave === undefined ? null : (
          <button type="button" className={onDismiss === undefined ? 'button primary' : 'button'} onClick={onLeave}>
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

/** Returns the command palette's shortcut as the palette shows it, such as `Ctrl+K`. */
function paletteShortcut(): string {
  const command = findCommand('view.commandPalette');
  return (command === undefined ? null : shortcutLabel(command)) ?? '';
}
