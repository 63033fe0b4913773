import { useEffect, useState } from 'react';

/**
 * Counts the render stages of a screen that renders in parts, one part per task: 0 until `ready`
 * is true, then 1, then one more in each following task, up to `stages`. A screen renders its
 * part `n` once the count reaches `n`, so no single render blocks the main thread as long as
 * all parts together would. The count never goes back, so parts keep their state when the
 * content changes.
 */
export function useRenderStages(ready: boolean, stages: number): number {
  const [rendered, setRendered] = useState(0);
  const current = ready ? Math.max(rendered, 1) : rendered;

  useEffect(() => {
    if (current === 0 || current >= stages) return;
    // A new task, so input and painting can run between two stages.
    const timer = setTimeout(() => {
      setRendered(current + 1);
    }, 0);
    return () => {
      clearTimeout(timer);
    };
  }, [current, stages]);
  return current;
}
