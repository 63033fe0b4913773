import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { installUncaughtErrorHandlers } from './app/uncaughtErrors';
import { initI18n } from './i18n';
import { platform } from './platform';
// Noto Sans SC is the bundled fallback for CJK text, because the system fonts may not cover it. The pack prints in it too.
import '@fontsource/noto-sans-sc/400.css';
import './styles.css';

async function start(): Promise<void> {
  await initI18n(navigator.language);
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element');
  createRoot(root).render(
    <StrictMode>
      {/* Catches what the screens' own boundary cannot, such as an error in the header. */}
      <ErrorBoundary uncaughtErrorLevel="app">
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}

installUncaughtErrorHandlers(window, (level, message, context) => {
  platform.log(level, message, context);
});

void start();
