import { describe, expect, it } from 'vitest';
import { placementAvoiding, rectanglesOverlap } from '../../../../../../renderer/src/features/undo/useToastPlacement';

/** A toast 300 px wide and 50 px high in the lower right corner of a 1000 × 800 window, 16 px from its edges. */
const toast = { left: 684, right: 984, top: 734, bottom: 784 };

describe('rectanglesOverlap', () => {
  it('sees shared area', () => {
    expect(rectanglesOverlap(toast, { left: 600, right: 700, top: 700, bottom: 740 })).toBe(true);
  });

  it('ignores rectangles that only touch', () => {
    expect(rectanglesOverlap(toast, { left: 600, right: 684, top: 700, bottom: 740 })).toBe(false);
  });
});

describe('placementAvoiding', () => {
  it('keeps the bottom for a field elsewhere', () => {
    expect(placementAvoiding({ left: 20, right: 400, top: 740, bottom: 770 }, toast, 800, 16)).toBe('bottom');
  });

  it('moves up for a field under the toast', () => {
    expect(placementAvoiding({ left: 20, right: 900, top: 750, bottom: 780 }, toast, 800, 16)).toBe('top');
  });

  it('measures the bottom corner while the toast is at the top', () => {
    const atTop = { left: 684, right: 984, top: 16, bottom: 66 };
    expect(placementAvoiding({ left: 20, right: 900, top: 750, bottom: 780 }, atTop, 800, 16)).toBe('top');
    expect(placementAvoiding({ left: 20, right: 900, top: 30, bottom: 60 }, atTop, 800, 16)).toBe('bottom');
  });

  it('stays at the bottom when both corners cover the field', () => {
    expect(placementAvoiding({ left: 20, right: 900, top: 0, bottom: 800 }, toast, 800, 16)).toBe('bottom');
  });
});
