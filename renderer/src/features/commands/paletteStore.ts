import { create } from 'zustand';

interface PaletteState {
  readonly open: boolean;
  readonly setOpen: (open: boolean) => void;
}

/** Whether the command palette shows. Not persisted: a reload starts with it closed. */
export const usePaletteStore = create<PaletteState>()((set) => ({
  open: false,
  setOpen: (open) => {
    set({ open });
  },
}));

export const selectPaletteOpen = (state: PaletteState): boolean => state.open;
export const selectSetPaletteOpen = (state: PaletteState): PaletteState['setOpen'] => state.setOpen;
