/**
 * A file handed to the app from outside the Sync screen: opened by the operating system (double
 * click, second launch, command line) or dropped on the window. The Sync screen takes it and
 * shows its import preview.
 */
import { create } from 'zustand';
import type { Result } from '@shared/errors';
import type { OpenedFile } from '@shared/ipc/contract';

interface IncomingFileState {
  /** The file waiting for the Sync screen. A newer file replaces one not yet taken. */
  readonly file: Result<OpenedFile> | null;
  readonly offer: (file: Result<OpenedFile>) => void;
  /** Returns the waiting file and clears it, so it is previewed once. */
  readonly take: () => Result<OpenedFile> | null;
}

export const useIncomingFileStore = create<IncomingFileState>()((set, get) => ({
  file: null,
  offer: (file) => {
    set({ file });
  },
  take: () => {
    const { file } = get();
    if (file !== null) set({ file: null });
    return file;
  },
}));

export const selectIncomingFile = (state: IncomingFileState): Result<OpenedFile> | null => state.file;
export const selectTakeIncomingFile = (state: IncomingFileState): IncomingFileState['take'] => state.take;
