import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';

/** Distance below the viewport at which rendering starts, so content is ready as it scrolls in. */
const rootMargin = '300px 0px';

/**
 * Renders `children` once the placeholder comes within `rootMargin` of the viewport, and keeps
 * them rendered after that. For costly content far down a page, such as a chart with thousands of
 * cells, so that opening the page does not block the main thread on content outside the viewport.
 * Where `IntersectionObserver` is missing, the children render at once.
 */
export function RenderWhenNearView({ minHeight, children }: { readonly minHeight: number; readonly children: ReactNode }) {
  const placeholder = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');

  useEffect(() => {
    const node = placeholder.current;
    if (near || node === null) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin },
    );
    observer.observe(node);
    return () => {
      observer.disconnect();
    };
  }, [near]);

  if (near) return <>{children}</>;
  return <div ref={placeholder} style={{ minHeight }} />;
}
