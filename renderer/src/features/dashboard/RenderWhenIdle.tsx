import { useEffect, useState } from 'react';
import type { CSSProperties, ReactNode } from 'react';

/** Maximum wait for an idle period before the children render anyway, in ms. */
const idleTimeoutMs = 1_000;

/**
 * Renders `children` once the browser reports an idle period after this component mounts (or
 * `idleTimeoutMs` has passed), and keeps them rendered after that. For content below the first
 * screen that should still appear without scrolling to it, so that it renders in its own task after
 * the content above has been painted. Where `requestIdleCallback` is missing, the children render
 * in the next task.
 */
export function RenderWhenIdle({ minHeight, children }: { readonly minHeight: CSSProperties['minHeight']; readonly children: ReactNode }) {
  const [idle, setIdle] = useState(false);

  useEffect(() => {
    if (idle) return;
    const show = () => {
      setIdle(true);
    };
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(show, 0);
      return () => {
        clearTimeout(timer);
      };
    }
    const handle = requestIdleCallback(show, { timeout: idleTimeoutMs });
    return () => {
      cancelIdleCallback(handle);
    };
  }, [idle]);

  // The same element before and after, so showing the children only inserts nodes.
  return <div style={idle ? undefined : { minHeight }}>{idle ? children : null}</div>;
}
