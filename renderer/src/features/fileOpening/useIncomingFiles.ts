import { useEffect } from 'react';
import type { Result } from '@shared/errors';
import { maxOpenFileBytes } from '@shared/ipc/contract';
import type { OpenedFile } from '@shared/ipc/contract';
import { platform } from '../../platform';
import { readPickedFile } from '../../platform/web';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { useIncomingFileStore } from './incomingFile';

/**
 * Sends every file the app is asked to open to the Sync screen's import preview: files from the
 * operating system through the platform API, and a file dropped anywhere on the window that no
 * drop zone of the page took. Mount it once, at the top of the app.
 */
export function useIncomingFiles(): void {
  const navigate = useUiStore(selectNavigate);

  useEffect(() => {
    const receive = (file: Result<OpenedFile>) => {
      useIncomingFileStore.getState().offer(file);
      navigate({ name: 'sync' });
    };

    const allowFileDrop = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files') === true) event.preventDefault();
    };
    const dropFile = (event: DragEvent) => {
      // A drop zone of the page, such as the import wizard's, handled the drop itself.
      if (event.defaultPrevented) return;
      const file = event.dataTransfer?.files.item(0) ?? null;
      if (file === null) return;
      // Without this a browser tab would leave the app to show the file.
      event.preventDefault();
      void readPickedFile(file, maxOpenFileBytes).then(receive);
    };

    const unsubscribe = platform.onOpenFileRequest(receive);
    window.addEventListener('dragover', allowFileDrop);
    window.addEventListener('drop', dropFile);
    return () => {
      unsubscribe();
      window.removeEventListener('dragover', allowFileDrop);
      window.removeEventListener('drop', dropFile);
    };
  }, [navigate]);
}
