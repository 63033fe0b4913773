import { describe, expect, it } from 'vitest';
import { sampleGovernance } from '../../../../../../renderer/src/features/portfolio/sampleGovernance';
import { riskRating } from '../../../../../../shared/governance/riskMatrix';

const today = '2026-12-05';

describe('sampleGovernance', () => {
  it('is the same for the same day', () => {
    expect(sampleGovernance(today)).toEqual(sampleGovernance(today));
  });

  it('spreads 8 to 12 risks over the heatmap', () => {
    const { risks } = sampleGovernance(today);
    const cells = new Set(risks.map((risk) => `${String(risk.likelihood)}x${String(risk.impact)}`));
    const ratings = new Set(risks.map((risk) => riskRating(risk)));
    expect(risks.length).toBeGreaterThanOrEqual(8);
    expect(risks.length).toBeLessThanOrEqual(12);
    expect(cells.size).toBe(risks.length);
    expect([...ratings].sort()).toEqual(['critical', 'high', 'low', 'medium']);
  });

  it('has one certificate expiring soon and one expired', () => {
    const { certifications } = sampleGovernance(today);
    const expiring = certifications.filter((item) => item.expiresOn !== null && item.expiresOn >= today && item.expiresOn <= '2027-02-03');
    const expired = certifications.filter((item) => item.expiresOn !== null && item.expiresOn < today);
    expect(expiring).toHaveLength(1);
    expect(expired).toHaveLength(1);
  });

  it('covers every delivery model and contact side', () => {
    const { sites, contacts } = sampleGovernance(today);
    expect(new Set(sites.map((site) => site.deliveryModel))).toEqual(new Set(['onshore', 'nearshore', 'offshore']));
    expect(new Set(contacts.map((contact) => contact.side))).toEqual(new Set(['client', 'provider']));
  });

  it('puts processes in five readiness stages', () => {
    const { processes } = sampleGovernance(today);
    expect(new Set(processes.map((process) => process.readiness)).size).toBeGreaterThanOrEqual(5);
  });

  it('holds past meetings with minutes and plans later ones', () => {
    const meetings = sampleGovernance(today).cadences.flatMap((cadence) => cadence.meetings);
    const past = meetings.filter((item) => item.meeting.date < today);
    const later = meetings.filter((item) => item.meeting.date >= today);
    expect(past.length).toBeGreaterThanOrEqual(4);
    expect(past.every((item) => item.meeting.status === 'held' && item.meeting.minutes !== '' && item.decisions.length > 0)).toBe(true);
    expect(past.every((item) => item.meeting.agenda.length >= 4)).toBe(true);
    expect(later.length).toBeGreaterThanOrEqual(2);
    expect(later.every((item) => item.meeting.status === 'planned')).toBe(true);
  });

  it('has a monthly and a quarterly cadence', () => {
    expect(sampleGovernance(today).cadences.map((item) => item.cadence.kind)).toEqual(['monthlyManagement', 'quarterlySteering']);
  });

  it('leaves some actions overdue and some done', () => {
    const governance = sampleGovernance(today);
    const actions = [...governance.cadences.flatMap((cadence) => cadence.meetings.flatMap((item) => item.actions)), ...governance.actions];
    const overdue = actions.filter((action) => action.status === 'open' && action.dueDate !== null && action.dueDate < today);
    const done = actions.filter((action) => action.status === 'done');
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    expect(done.length).toBeGreaterThanOrEqual(2);
  });

  it('moves every date with today', () => {
    const now = sampleGovernance(today);
    const later = sampleGovernance('2027-03-05');
    expect(later.certifications.map((item) => item.expiresOn)).not.toEqual(now.certifications.map((item) => item.expiresOn));
    expect(later.cadences[0]?.cadence.firstDate).toBe('2026-10-06');
  });
});
