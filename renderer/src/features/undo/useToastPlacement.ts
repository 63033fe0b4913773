/**
 * Keeps the undo toast off the form fields. While the toast shows, the page reserves its height
 * below the content (`--undo-toast-space`, read by undo.css), so the last field of a long form
 * can scroll above it. While the focused element sits under the toast's lower corner, as it can
 * after a Tab, the toast moves to the upper corner.
 */
import { useEffect, useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

export type ToastPlacement = 'bottom' | 'top';

/** Rectangle in CSS pixels from the window's top left corner, as `getBoundingClientRect` gives it. */
export type Box = Pick<DOMRectReadOnly, 'left' | 'top' | 'right' | 'bottom'>;

/** Checks whether two rectangles share any area; rectangles that only touch do not overlap. */
export function rectanglesOverlap(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * Chooses the corner for a toast of `toast`'s size in a window `windowHeight` high, `inset` from
 * its edge: the lower one unless `focused` is under it there and clear of the upper one.
 */
export function placementAvoiding(focused: Box, toast: Box, windowHeight: number, inset: number): ToastPlacement {
  const height = toast.bottom - toast.top;
  const atBottom = { left: toast.left, right: toast.right, top: windowHeight - inset - height, bottom: windowHeight - inset };
  const atTop = { left: toast.left, right: toast.right, top: inset, bottom: inset + height };
  return rectanglesOverlap(focused, atBottom) && !rectanglesOverlap(focused, atTop) ? 'top' : 'bottom';
}

/**
 * Returns the corner of the toast in `toastRef`, and reserves its height at the bottom of the page
 * while `toast` is not `null`.
 */
export function useToastPlacement(toastRef: RefObject<HTMLElement | null>, toast: unknown): ToastPlacement {
  // The placement is kept with the toast it was chosen for, so each new toast starts at the bottom.
  const [placed, setPlaced] = useState<{ readonly toast: unknown; readonly placement: ToastPlacement }>({ toast, placement: 'bottom' });
  const placement = placed.toast === toast ? placed.placement : 'bottom';

  useLayoutEffect(() => {
    const element = toastRef.current;
    if (toast === null || element === null) return;
    const root = document.documentElement;
    const reserve = () => {
      const inset = parseFloat(getComputedStyle(root).fontSize);
      root.style.setProperty('--undo-toast-space', `${String(element.offsetHeight + inset * 2)}px`);
    };
    reserve();
    const observer = new ResizeObserver(reserve);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--undo-toast-space');
    };
  }, [toast, toastRef]);

  useEffect(() => {
    const element = toastRef.current;
    if (toast === null || element === null) return;
    const placeFor = (target: EventTarget | null) => {
      if (!(target instanceof Element) || target === document.body || element.contains(target)) return;
      // The toast is 1rem from the window's edge (undo.css).
      const inset = parseFloat(getComputedStyle(document.documentElement).fontSize);
      const next = placementAvoiding(target.getBoundingClientRect(), element.getBoundingClientRect(), window.innerHeight, inset);
      if (next !== placement) setPlaced({ toast, placement: next });
    };
    placeFor(document.activeElement);
    const onFocusIn = (event: FocusEvent) => {
      placeFor(event.target);
    };
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [toast, toastRef, placement]);

  return placement;
}
