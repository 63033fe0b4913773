import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileProgress, ReportFileProgress } from './fileTasks';
import type { FileTask, FileTaskOutcome } from './fileWorkerClient';

/** An export or open in progress, as the progress bar shows it. */
export interface ActiveFileTask {
  /** Distinguishes consecutive tasks, so each one gets a fresh progress bar and delay. */
  readonly id: number;
  readonly operation: 'export' | 'open';
  /** Latest progress, or `null` before the first report. */
  readonly progress: FileProgress | null;
}

/**
 * Tracks one file task at a time for the Sync screen: its progress for the bar, and Cancel.
 * A task still running when the screen unmounts is cancelled, which terminates its worker.
 */
export function useFileTask() {
  const [active, setActive] = useState<ActiveFileTask | null>(null);
  const cancelRef = useRef<(() => void) | null>(null);
  const nextId = useRef(1);

  useEffect(
    () => () => {
      cancelRef.current?.();
    },
    [],
  );

  /** Starts a task with `start`, shows its progress while it runs, and resolves to its outcome. */
  const track = useCallback(
    async <T>(operation: 'export' | 'open', start: (onProgress: ReportFileProgress) => FileTask<T>): Promise<FileTaskOutcome<T>> => {
      const id = nextId.current;
      nextId.current += 1;
      setActive({ id, operation, progress: null });
      const task = start((progress) => {
        setActive((current) => (current?.id === id ? { ...current, progress } : current));
      });
      cancelRef.current = task.cancel;
      try {
        return await task.outcome;
      } finally {
        cancelRef.current = null;
        setActive((current) => (current?.id === id ? null : current));
      }
    },
    [],
  );

  const cancel = useCallback(() => {
    cancelRef.current?.();
  }, []);

  return { active, track, cancel };
}
