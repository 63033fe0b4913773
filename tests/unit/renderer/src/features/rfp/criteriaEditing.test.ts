import { describe, expect, it } from 'vitest';
import { defaultScale } from '@shared/rfp/scale';
import {
  applyLevelDescriptions,
  checkNewCriterion,
  checkNewSection,
  levelDescriptionsChanged,
  otherPriceCriterion,
  parseWeight,
  reorderPatches,
} from '../../../../../../renderer/src/features/rfp/criteriaEditing';

describe('parseWeight', () => {
  it.each([
    ['0', 0],
    [' 12.5 ', 12.5],
    ['', null],
    ['   ', null],
    ['-1', null],
    ['ten', null],
    ['Infinity', null],
  ])('parses %j as %j', (text, expected) => {
    expect(parseWeight(text)).toBe(expected);
  });
});

describe('checkNewSection', () => {
  it('trims the title and parses the weight', () => {
    expect(checkNewSection({ title: '  Sustainability ', weight: '5' })).toEqual({
      ok: true,
      value: { title: 'Sustainability', weight: 5 },
    });
  });

  it('reports a blank title and a bad weight', () => {
    const check = checkNewSection({ title: ' ', weight: 'x' });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems).toContainEqual({ field: 'title', key: 'titleMissing' });
    expect(check.problems).toContainEqual({ field: 'weight', key: 'weightInvalid' });
  });
});

describe('checkNewCriterion', () => {
  it('ignores the weight of a knockout', () => {
    const check = checkNewCriterion({ sectionId: 's1', title: 'ISO 27001', kind: 'knockout', weight: 'not a number' });
    expect(check).toEqual({ ok: true, value: { sectionId: 's1', title: 'ISO 27001', kind: 'knockout', weight: 0 } });
  });

  it('rejects a scored criterion without a valid weight', () => {
    const check = checkNewCriterion({ sectionId: 's1', title: 'Quality', kind: 'scored', weight: '-2' });
    expect(check).toEqual({ ok: false, problems: [{ field: 'weight', key: 'weightInvalid' }] });
  });
});

describe('otherPriceCriterion', () => {
  const criteria = [
    { id: 'a', kind: 'scored' as const },
    { id: 'p', kind: 'price' as const },
  ];

  it('finds the price criterion of another row', () => {
    expect(otherPriceCriterion(criteria, 'a')).toBe('p');
  });

  it('ignores the row itself', () => {
    expect(otherPriceCriterion(criteria, 'p')).toBeNull();
  });
});

describe('reorderPatches', () => {
  const siblings = [
    { id: 'a', order: 1 },
    { id: 'b', order: 2 },
    { id: 'c', order: 5 },
  ];

  it('swaps orders with the row above', () => {
    expect(reorderPatches(siblings, 'c', 'up')).toEqual([
      { id: 'c', order: 2 },
      { id: 'b', order: 5 },
    ]);
  });

  it('swaps orders with the row below', () => {
    expect(reorderPatches(siblings, 'a', 'down')).toEqual([
      { id: 'a', order: 2 },
      { id: 'b', order: 1 },
    ]);
  });

  it('does nothing at either end', () => {
    expect(reorderPatches(siblings, 'a', 'up')).toEqual([]);
    expect(reorderPatches(siblings, 'c', 'down')).toEqual([]);
  });

  it('does nothing for an unknown id', () => {
    expect(reorderPatches(siblings, 'zz', 'up')).toEqual([]);
  });

  it('renumbers tied orders', () => {
    const tied = [
      { id: 'a', order: 1 },
      { id: 'b', order: 1 },
      { id: 'c', order: 1 },
    ];
    expect(reorderPatches(tied, 'c', 'up')).toEqual([
      { id: 'c', order: 2 },
      { id: 'b', order: 3 },
    ]);
  });
});

describe('applyLevelDescriptions', () => {
  const texts = defaultScale.levels.map((level) => level.description);

  it('replaces descriptions and keeps values and labels', () => {
    const changed = [...texts];
    changed[5] = '  Verified results for two years.  ';
    const check = applyLevelDescriptions(defaultScale, changed);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.scale.levels[5]).toEqual({ value: 5, label: 'Excellent', description: 'Verified results for two years.' });
    expect(check.scale.levels.map((level) => level.value)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('lists blank levels by value', () => {
    const blank = [...texts];
    blank[0] = ' ';
    blank[3] = '';
    expect(applyLevelDescriptions(defaultScale, blank)).toEqual({ ok: false, blankLevels: [0, 3] });
  });

  it('treats missing texts as blank', () => {
    expect(applyLevelDescriptions(defaultScale, texts.slice(0, 5))).toEqual({ ok: false, blankLevels: [5] });
  });
});

describe('levelDescriptionsChanged', () => {
  const texts = defaultScale.levels.map((level) => level.description);

  it('ignores surrounding spaces', () => {
    expect(
      levelDescriptionsChanged(
        defaultScale,
        texts.map((text) => ` ${text} `),
      ),
    ).toBe(false);
  });

  it('sees one changed level', () => {
    const changed = [...texts];
    changed[2] = 'Different';
    expect(levelDescriptionsChanged(defaultScale, changed)).toBe(true);
  });
});
