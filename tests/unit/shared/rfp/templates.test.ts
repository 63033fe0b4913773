import { describe, expect, test } from 'vitest';
import type { RfpInput } from '../../../../shared/rfp/input';
import { buildRfpModel } from '../../../../shared/rfp/model';
import { computeResults } from '../../../../shared/rfp/results';
import { bpoTemplate } from '../../../../shared/rfp/templates/bpo';
import type { MessageTree } from '../../../../shared/rfp/templates/index';
import {
  builtInTemplates,
  instantiateTemplate,
  levelLabelKey,
  templateMessages,
  templateTextKey,
} from '../../../../shared/rfp/templates/index';
import { validateCriteriaTree } from '../../../../shared/rfp/validation';
import { makeEvent } from './factories';

const reservedKeys = ['title', 'description', 'applicability', 'levels', 'levelLabels'];
const allCriteria = bpoTemplate.sections.flatMap((section) => section.criteria.map((criterion) => ({ section, criterion })));

function lookup(tree: MessageTree, key: string): string | undefined {
  let node: string | MessageTree | undefined = tree;
  for (const part of key.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

function counter(): () => string {
  let next = 0;
  return () => {
    next += 1;
    return `id-${String(next)}`;
  };
}

describe('BPO template', () => {
  test('has the required sections', () => {
    expect(bpoTemplate.sections.map((section) => section.key)).toEqual([
      'domain',
      'technology',
      'automation',
      'resilience',
      'financial',
      'security',
      'fit',
      'transition',
      'cost',
    ]);
  });

  test('section weights add up to 100', () => {
    expect(bpoTemplate.sections.reduce((sum, section) => sum + section.weight, 0)).toBe(100);
  });

  test('certifications are knockouts with notes', () => {
    const security = bpoTemplate.sections.find((section) => section.key === 'security');
    const knockouts = security?.criteria.filter((criterion) => criterion.kind === 'knockout') ?? [];
    expect(knockouts.map((criterion) => criterion.key)).toEqual(['soc2Type2', 'iso27001', 'pciDss']);
    for (const criterion of knockouts) {
      expect(criterion.applicability).not.toBe('');
      expect(criterion.levels).toBeNull();
    }
    expect(knockouts[2]?.applicability).toContain('cardholder data');
  });

  test('one price criterion, in cost', () => {
    const prices = allCriteria.filter(({ criterion }) => criterion.kind === 'price');
    expect(prices.map(({ section, criterion }) => `${section.key}.${criterion.key}`)).toEqual(['cost.totalCost']);
  });

  test('scored criteria describe six distinct levels', () => {
    for (const { criterion } of allCriteria.filter((entry) => entry.criterion.kind !== 'knockout')) {
      expect(criterion.levels, criterion.key).toHaveLength(6);
      const texts = criterion.levels ?? [];
      expect(new Set(texts).size, criterion.key).toBe(6);
      expect(
        texts.every((text) => text.trim().length >= 30),
        criterion.key,
      ).toBe(true);
    }
  });

  test('keys are unique plain words', () => {
    const sectionKeys = bpoTemplate.sections.map((section) => section.key);
    expect(new Set(sectionKeys).size).toBe(sectionKeys.length);
    for (const section of bpoTemplate.sections) {
      const keys = section.criteria.map((criterion) => criterion.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const key of [section.key, ...keys]) {
        expect(key).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(reservedKeys).not.toContain(key);
      }
    }
  });
});

describe('templateMessages', () => {
  const messages = templateMessages(builtInTemplates);

  test('resource holds every text', () => {
    expect(lookup(messages, templateTextKey('bpo.security.pciDss', 'applicability'))).toContain('cardholder data');
    expect(lookup(messages, templateTextKey('bpo.domain.comparableClients', 'levels.5'))).toBe(
      bpoTemplate.sections[0]?.criteria[0]?.levels?.[5],
    );
    expect(lookup(messages, templateTextKey('bpo.cost', 'title'))).toBe('Cost');
    expect(lookup(messages, levelLabelKey(3))).toBe('Adequate');
    expect(lookup(messages, 'rfpTemplates.bpo.title')).toBe('BPO provider selection');
  });
});

describe('instantiateTemplate', () => {
  const tree = instantiateTemplate(bpoTemplate, { rfpId: 'rfp-1', newId: counter() });

  test('copies sections and criteria', () => {
    expect(tree.sections).toHaveLength(9);
    expect(tree.criteria).toHaveLength(allCriteria.length);
    expect(tree.sections[5]).toMatchObject({
      rfpId: 'rfp-1',
      templateKey: 'bpo.security',
      title: 'Security and compliance',
      weight: 12,
      order: 6,
    });
    const pci = tree.criteria.find((criterion) => criterion.templateKey === 'bpo.security.pciDss');
    expect(pci).toMatchObject({ kind: 'knockout', weight: 0, scale: null, sectionId: tree.sections[5]?.id });
    const ids = [...tree.sections, ...tree.criteria].map((record) => record.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('gives a valid tree', () => {
    expect(validateCriteriaTree(makeEvent(), tree.sections, tree.criteria)).toEqual([]);
    expect(validateCriteriaTree(makeEvent({ priceScoreMethod: 'manual' }), tree.sections, tree.criteria)).toEqual([]);
  });

  test('translates through existing keys', () => {
    const messages = templateMessages();
    const requestedKeys: string[] = [];
    const translated = instantiateTemplate(bpoTemplate, {
      rfpId: 'rfp-1',
      newId: counter(),
      translate: (key, english) => {
        requestedKeys.push(key);
        expect(lookup(messages, key), key).toBe(english);
        return `fr:${english}`;
      },
    });
    expect(translated.sections[0]?.title).toBe('fr:Domain expertise and track record');
    expect(translated.criteria[0]?.scale?.levels[0]?.label).toBe('fr:Not met');
    expect(requestedKeys.length).toBeGreaterThan(150);
  });

  test('feeds the engine', () => {
    const bidders = [
      { id: 'a', name: 'Acme Outsourcing' },
      { id: 'b', name: 'Borealis Services' },
    ];
    const input: RfpInput = {
      event: makeEvent(),
      sections: tree.sections,
      criteria: tree.criteria,
      bidders,
      evaluators: [{ id: 'e', evaluatorName: 'Evaluator', sectionIds: null, conflictStatus: 'none', conflictBidderIds: [] }],
      scores: tree.criteria.flatMap((criterion) =>
        bidders.map((entry, index) => ({
          evaluatorId: 'e',
          bidderId: entry.id,
          criterionId: criterion.id,
          value: criterion.kind === 'knockout' ? 1 : 3 + index,
          comment: 'ok',
        })),
      ),
      consensusScores: [],
      priceBids: [],
    };
    const results = computeResults(buildRfpModel(input));
    // No price bids, so the price criterion is excluded and the other 80% of the weight counts.
    expect(results.excludedCriteria.map((entry) => entry.criterionId)).toEqual([
      tree.criteria.find((criterion) => criterion.kind === 'price')?.id,
    ]);
    expect(results.winnerId).toBe('b');
    expect(results.ranking[0]?.total).toBeCloseTo(80, 9);
  });
});
