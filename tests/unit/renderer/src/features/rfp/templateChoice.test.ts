import { describe, expect, it } from 'vitest';
import { bpoTemplate } from '@shared/rfp/templates/bpo';
import type { CriteriaTemplate } from '@shared/rfp/templates/types';
import { maxTemplateTitleLength } from '../../../../../../renderer/src/db/criteriaTemplates';
import type { SavedCriteriaTemplate } from '../../../../../../renderer/src/db/criteriaTemplates';
import {
  builtInTemplateOptions,
  checkTemplateName,
  defaultTemplateValue,
  resolveTemplateChoice,
  savedTemplateKeys,
  savedTemplateOptions,
  templateReplacedBy,
} from '../../../../../../renderer/src/features/rfp/templateChoice';

const ownTemplate: CriteriaTemplate = {
  key: 'payrollLocal',
  title: 'Payroll local',
  description: '',
  sections: [{ key: 'presence', weight: 100, title: 'Presence', description: '', criteria: [] }],
};
const saved: SavedCriteriaTemplate[] = [{ id: 'id-1', name: 'Payroll local', savedAt: '2026-03-02T10:00:00.000Z', template: ownTemplate }];

describe('template options', () => {
  it('list the BPO template first as the default', () => {
    const [first] = builtInTemplateOptions();
    expect(first).toEqual({ value: defaultTemplateValue, templateKey: 'bpo', title: bpoTemplate.title, savedId: null });
  });

  it('carry the id of a saved template', () => {
    expect(savedTemplateOptions(saved)).toEqual([
      { value: 'saved:id-1', templateKey: 'payrollLocal', title: 'Payroll local', savedId: 'id-1' },
    ]);
  });
});

describe('resolveTemplateChoice', () => {
  it('resolves the built-in template', () => {
    expect(resolveTemplateChoice(defaultTemplateValue, saved)).toEqual({ template: bpoTemplate, builtIn: true });
  });

  it('resolves a saved template', () => {
    expect(resolveTemplateChoice('saved:id-1', saved)).toEqual({ template: ownTemplate, builtIn: false });
  });

  it('returns null for a deleted template', () => {
    expect(resolveTemplateChoice('saved:id-1', [])).toBeNull();
  });

  it('does not read a saved id as a built-in key', () => {
    expect(resolveTemplateChoice('saved:bpo', saved)).toBeNull();
  });
});

describe('checkTemplateName', () => {
  it('accepts a trimmed name', () => {
    expect(checkTemplateName('  Payroll  ')).toBeNull();
  });

  it('rejects a blank name', () => {
    expect(checkTemplateName('   ')).toBe('nameMissing');
  });

  it('rejects a name over the limit', () => {
    expect(checkTemplateName('x'.repeat(maxTemplateTitleLength))).toBeNull();
    expect(checkTemplateName('x'.repeat(maxTemplateTitleLength + 1))).toBe('nameTooLong');
  });
});

describe('templateReplacedBy', () => {
  it('matches a saved title in any letter case', () => {
    expect(templateReplacedBy(' PAYROLL local ', saved)?.id).toBe('id-1');
  });

  it('returns undefined for a new title', () => {
    expect(templateReplacedBy('Contact centre', saved)).toBeUndefined();
  });
});

describe('savedTemplateKeys', () => {
  it('lists the keys a new template must avoid', () => {
    expect(savedTemplateKeys(saved)).toEqual(['payrollLocal']);
  });
});
