import { describe, expect, test } from 'vitest';
import type { RfpCriterionData, RfpSectionData } from '../../../../shared/domain/rfp';
import type { WithId } from '../../../../shared/rfp/input';
import { bpoTemplate } from '../../../../shared/rfp/templates/bpo';
import { instantiateTemplate, templateFromRfp } from '../../../../shared/rfp/templates/index';

function counter(): () => string {
  let next = 0;
  return () => {
    next += 1;
    return `id-${String(next).padStart(3, '0')}`;
  };
}

function sectionOf(id: string, title: string, order: number, weight = 10): WithId<RfpSectionData> {
  return { id, rfpId: 'r', templateKey: null, title, description: `${title} text`, weight, order };
}

function criterionOf(
  id: string,
  sectionId: string,
  title: string,
  order: number,
  data: Partial<RfpCriterionData> = {},
): WithId<RfpCriterionData> {
  return {
    id,
    rfpId: 'r',
    sectionId,
    templateKey: null,
    title,
    description: '',
    kind: 'scored',
    weight: 2,
    scale: {
      levels: [0, 1, 2, 3, 4, 5].map((value) => ({ value, label: `L${String(value)}`, description: `${title} level ${String(value)}` })),
    },
    applicabilityNote: '',
    order,
    ...data,
  };
}

describe('templateFromRfp', () => {
  test('round-trips the BPO template', () => {
    const tree = instantiateTemplate(bpoTemplate, { rfpId: 'r', newId: counter() });
    const template = templateFromRfp(tree.sections, tree.criteria, '  My BPO template ');
    expect(template.sections).toEqual(bpoTemplate.sections);
    expect(template.title).toBe('My BPO template');
    expect(template.key).toBe('myBpoTemplate');
  });

  test('follows section and criterion order', () => {
    const sections = [sectionOf('s2', 'Cost', 2), sectionOf('s1', 'Service', 1)];
    const criteria = [criterionOf('c2', 's1', 'Reporting', 2), criterionOf('c3', 's2', 'Price', 1), criterionOf('c1', 's1', 'Quality', 1)];
    const template = templateFromRfp(sections, criteria, 'Ours');
    expect(template.sections.map((section) => [section.key, section.criteria.map((criterion) => criterion.key)])).toEqual([
      ['service', ['quality', 'reporting']],
      ['cost', ['price']],
    ]);
  });

  test('makes keys unique and valid', () => {
    const sections = [
      sectionOf('s1', 'Security & compliance', 1),
      sectionOf('s2', 'Security / Compliance', 2),
      sectionOf('s3', '24/7 support', 3),
      sectionOf('s4', '—', 4),
      sectionOf('s5', 'Title', 5),
    ];
    const template = templateFromRfp(sections, [], 'Ours');
    expect(template.sections.map((section) => section.key)).toEqual([
      'securityCompliance',
      'securityCompliance2',
      'n247Support',
      'section4',
      'title2',
    ]);
  });

  test('never reuses a built-in or saved key', () => {
    expect(templateFromRfp([], [], 'BPO').key).toBe('bpo2');
    expect(templateFromRfp([], [], 'Payroll', ['payroll', 'payroll2']).key).toBe('payroll3');
    expect(templateFromRfp([], [], '  ').key).toBe('template');
  });

  test('knockouts keep no weight or levels', () => {
    const criteria = [criterionOf('c1', 's1', 'ISO 27001', 1, { kind: 'knockout', weight: 5, scale: null, applicabilityNote: 'Always' })];
    const [criterion] = templateFromRfp([sectionOf('s1', 'Security', 1)], criteria, 'Ours').sections[0]?.criteria ?? [];
    expect(criterion).toEqual({
      key: 'iso27001',
      kind: 'knockout',
      weight: 0,
      title: 'ISO 27001',
      description: '',
      applicability: 'Always',
      levels: null,
    });
  });

  test('maps other scales onto levels 0 to 5', () => {
    const scale = { levels: [1, 3, 10].map((value) => ({ value, label: '', description: `at ${String(value)}` })) };
    const [criterion] =
      templateFromRfp([sectionOf('s1', 'Service', 1)], [criterionOf('c1', 's1', 'Quality', 1, { scale })], 'Ours').sections[0]?.criteria ??
      [];
    expect(criterion?.levels).toEqual(['', 'at 1', '', 'at 3', '', '']);
  });

  test('leaves out criteria of unknown sections', () => {
    const template = templateFromRfp([sectionOf('s1', 'Service', 1)], [criterionOf('c1', 'gone', 'Quality', 1)], 'Ours');
    expect(template.sections[0]?.criteria).toEqual([]);
  });

  test('instantiates again to the same tree', () => {
    const sections = [sectionOf('s1', 'Service', 1, 60), sectionOf('s2', 'Cost', 2, 40)];
    const criteria = [criterionOf('c1', 's1', 'Quality', 1), criterionOf('c2', 's2', 'Price', 1, { kind: 'price' })];
    const template = templateFromRfp(sections, criteria, 'Ours');
    const tree = instantiateTemplate(template, { rfpId: 'r2', newId: counter() });
    expect(tree.sections.map((section) => [section.title, section.weight, section.templateKey])).toEqual([
      ['Service', 60, 'ours.service'],
      ['Cost', 40, 'ours.cost'],
    ]);
    expect(tree.criteria.map((criterion) => [criterion.title, criterion.kind, criterion.scale?.levels[5]?.description])).toEqual([
      ['Quality', 'scored', 'Quality level 5'],
      ['Price', 'price', 'Price level 5'],
    ]);
  });
});
