import { create } from 'zustand';

/** The outcome of a command that has no screen of its own, such as "Copy diagnostics". */
export interface CommandNotice {
  readonly kind: 'success' | 'error';
  readonly text: string;
}

interface PaletteState {
  readonly open: boolean;
  readonly notice: CommandNotice | null;
  readonly setOpen: (open: boolean) => void;
  readonly setNotice: (notice: CommandNotice | null) => void;
}

/** Whether the command palette shows, and the last command notice. Not persisted: a reload starts with both cleared. */
export const usePaletteStore = create<PaletteState>()((set) => ({
  open: false,
  notice: null,
  setOpen: (open) => {
    set({ open });
  },
  setNotice: (notice) => {
    set({ notice });
  },
}));

export const selectPaletteOpen = (state: PaletteState): boolean => state.open;
export const selectSetPaletteOpen = (state: PaletteState): PaletteState['setOpen'] => state.setOpen;
export const selectCommandNotice = (state: PaletteState): CommandNotice | null => state.notice;
export const selectSetCommandNotice = (state: PaletteState): PaletteState['setNotice'] => state.setNotice;
