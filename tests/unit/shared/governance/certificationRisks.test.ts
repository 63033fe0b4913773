// The derivation itself is tested on RFPs written through the repository, in
// tests/unit/renderer/governance/certificationRisks.test.ts.
import { describe, expect, it } from 'vitest';
import { bpoTemplate } from '../../../../shared/rfp/templates/bpo';
import { knockoutStandardOf } from '../../../../shared/governance/certificationRisks';

describe('knockoutStandardOf', () => {
  it('reads the last segment of the template key', () => {
    expect(knockoutStandardOf({ kind: 'knockout', templateKey: 'bpo.security.soc2Type2' })).toBe('soc2Type2');
    expect(knockoutStandardOf({ kind: 'knockout', templateKey: 'myTemplate.compliance.pciDss' })).toBe('pciDss');
    expect(knockoutStandardOf({ kind: 'knockout', templateKey: 'iso27001' })).toBe('iso27001');
  });

  it('rejects other criteria', () => {
    expect(knockoutStandardOf({ kind: 'scored', templateKey: 'bpo.security.iso27001' })).toBeNull();
    expect(knockoutStandardOf({ kind: 'knockout', templateKey: null })).toBeNull();
    expect(knockoutStandardOf({ kind: 'knockout', templateKey: 'bpo.security.iso27001Extended' })).toBeNull();
    expect(knockoutStandardOf({ kind: 'knockout', templateKey: 'bpo.iso27001.scope' })).toBeNull();
  });

  it('finds the three knockouts of the BPO template', () => {
    const standards = bpoTemplate.sections.flatMap((section) =>
      section.criteria.flatMap((criterion) => {
        const standard = knockoutStandardOf({ kind: criterion.kind, templateKey: `${bpoTemplate.key}.${section.key}.${criterion.key}` });
        return standard === null ? [] : [standard];
      }),
    );
    expect(standards).toEqual(['soc2Type2', 'iso27001', 'pciDss']);
  });
});
