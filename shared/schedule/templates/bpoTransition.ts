/**
 * Transition plan template for moving business processes to a BPO provider: assessment,
 * selection, negotiation, knowledge transfer, access set-up, pilot, parallel run, go-live,
 * 90 days of hypercare, then one wave per further process. Steering committee go/no-go
 * decisions close the phases where a wrong step is costly to undo.
 * Durations are in working days unless a task's unit is calendar days. The ranges are an estimate
 * of the usual spread for a mid-sized process (a few dozen full-time staff), to adjust per plan.
 */
import type { DependencyType, DurationUnit } from '../../domain/plan';
import type { PlanTemplate, TemplateLink, TemplateTask } from './types';

function after(from: string, type: DependencyType = 'FS', lag = 0, lagUnit: DurationUnit = 'workingDays'): TemplateLink {
  return { from, type, lag, lagUnit };
}

function task(
  key: string,
  name: string,
  duration: number,
  range: readonly [number, number],
  dependsOn: readonly TemplateLink[],
  notes = '',
): TemplateTask {
  return { key, name, notes, duration, durationUnit: 'workingDays', durationRange: range, goNoGo: false, dependsOn };
}

function milestone(key: string, name: string, dependsOn: readonly TemplateLink[], goNoGo: boolean, notes = ''): TemplateTask {
  return { key, name, notes, duration: 0, durationUnit: 'workingDays', durationRange: [0, 0], goNoGo, dependsOn };
}

export const bpoTransitionTemplate: PlanTemplate = {
  key: 'bpoTransition',
  title: 'BPO transition',
  description:
    'Plan for moving business processes to an outsourcing provider, from the needs assessment to the end of hypercare, with a wave for each further process.',
  firstWaveAfter: 'goLive.goLive',
  phases: [
    {
      key: 'assessment',
      name: 'Needs assessment',
      tasks: [
        task(
          'processInventory',
          'Process inventory and volumes',
          10,
          [5, 15],
          [],
          'List the processes in scope with their monthly volumes, staff and systems.',
        ),
        task('requirements', 'Requirements and target service levels', 5, [5, 10], [after('assessment.processInventory', 'SS', 5)]),
        task('businessCase', 'Business case', 5, [3, 5], [after('assessment.requirements')]),
        milestone('goToMarket', 'Steering committee: go/no-go to go to market', [after('assessment.businessCase')], true),
      ],
    },
    {
      key: 'selection',
      name: 'Provider selection',
      tasks: [
        task('issueRfp', 'Issue the RFP', 5, [3, 10], [after('assessment.goToMarket')]),
        task('bidderResponses', 'Bidder responses', 15, [10, 20], [after('selection.issueRfp')]),
        task('evaluation', 'Evaluation and due diligence', 15, [10, 20], [after('selection.bidderResponses')]),
        task('siteVisits', 'Site visits to the shortlisted bidders', 5, [3, 10], [after('selection.evaluation', 'SS', 5)]),
        milestone('award', 'Steering committee: provider award', [after('selection.evaluation'), after('selection.siteVisits')], true),
      ],
    },
    {
      key: 'negotiation',
      name: 'Contract negotiation',
      tasks: [
        task('termSheet', 'Term sheet', 10, [5, 15], [after('selection.award')]),
        task('agreement', 'Master services agreement and statements of work', 20, [15, 40], [after('negotiation.termSheet', 'SS', 5)]),
        task('serviceLevels', 'Service level and service credit schedule', 10, [5, 15], [after('negotiation.termSheet', 'SS', 5)]),
        milestone('signature', 'Contract signed', [after('negotiation.agreement'), after('negotiation.serviceLevels')], false),
      ],
    },
    {
      key: 'knowledgeTransfer',
      name: 'Knowledge transfer',
      processName: 'Knowledge transfer of {{process}}',
      tasks: [
        task(
          'documentation',
          'Process documentation (standard operating procedures, desk procedures)',
          15,
          [10, 20],
          [after('negotiation.signature', 'FS', -5)],
          'Starts a week before signature, under the confidentiality agreement.',
        ),
        task(
          'shadowing',
          'Shadowing: provider staff watch client staff',
          15,
          [10, 20],
          [after('knowledgeTransfer.documentation', 'FS', -5)],
        ),
        task(
          'reverseShadowing',
          'Reverse shadowing: client staff watch provider staff',
          15,
          [10, 20],
          [after('knowledgeTransfer.shadowing'), after('access.securityReview')],
        ),
        milestone('signOff', 'Knowledge transfer signed off', [after('knowledgeTransfer.reverseShadowing')], false),
      ],
    },
    {
      key: 'access',
      name: 'Access and integration set-up',
      tasks: [
        task('accounts', 'User accounts and access rights', 10, [5, 15], [after('negotiation.signature')]),
        task('connectivity', 'Network connectivity and VPN', 15, [10, 30], [after('negotiation.signature')]),
        task('integration', 'System integration and testing', 15, [10, 30], [after('access.connectivity'), after('access.accounts')]),
        task('securityReview', "Security review of the provider's set-up", 5, [3, 10], [after('access.integration')]),
      ],
    },
    {
      key: 'pilot',
      name: 'Pilot',
      processName: 'Pilot of {{process}}',
      tasks: [
        task(
          'pilotRun',
          'Pilot on a sample of transactions',
          15,
          [10, 20],
          [after('knowledgeTransfer.reverseShadowing', 'SS', 5)],
          'The provider works a sample under supervision; errors are corrected before they reach customers.',
        ),
        task('pilotReview', 'Pilot review against the service levels', 5, [3, 5], [after('pilot.pilotRun')]),
        milestone(
          'parallelRunDecision',
          'Steering committee: go/no-go for the parallel run',
          [after('pilot.pilotReview'), after('knowledgeTransfer.signOff')],
          true,
        ),
      ],
    },
    {
      key: 'parallelRun',
      name: 'Parallel run',
      processName: 'Parallel run of {{process}}',
      tasks: [task('parallelRun', 'Parallel run: both teams process the same work', 15, [10, 20], [after('pilot.parallelRunDecision')])],
    },
    {
      key: 'goLive',
      name: 'Go-live',
      processName: 'Go-live of {{process}}',
      tasks: [
        task('readinessReview', 'Go-live readiness review', 3, [2, 5], [after('parallelRun.parallelRun')]),
        milestone('decision', 'Steering committee: go-live decision', [after('goLive.readinessReview')], true),
        milestone('goLive', 'Go-live', [after('goLive.decision')], false),
      ],
    },
    {
      key: 'stabilisation',
      name: 'Stabilisation',
      processName: 'Stabilisation of {{process}}',
      tasks: [
        {
          key: 'hypercare',
          name: 'Hypercare',
          notes: 'Daily calls and extra staff on both sides until the service levels hold.',
          duration: 90,
          durationUnit: 'calendarDays',
          durationRange: [60, 90],
          goNoGo: false,
          dependsOn: [after('goLive.goLive')],
        },
        task('firstServiceReview', 'First monthly service review', 1, [1, 1], [after('goLive.goLive', 'FS', 30, 'calendarDays')]),
        milestone('hypercareExit', 'Steering committee: hypercare exit', [after('stabilisation.hypercare')], true),
      ],
    },
  ],
  wave: {
    key: 'wave',
    name: 'Wave: {{process}}',
    tasks: [
      task('knowledgeTransfer', 'Knowledge transfer for {{process}}', 15, [10, 20], [after('previousWave.goLive', 'FS', 10)]),
      task('parallelRun', 'Parallel run for {{process}}', 10, [10, 20], [after('wave.knowledgeTransfer')]),
      milestone('decision', 'Steering committee: go-live decision for {{process}}', [after('wave.parallelRun')], true),
      milestone('goLive', 'Go-live of {{process}}', [after('wave.decision')], false),
      {
        key: 'hypercare',
        name: 'Hypercare for {{process}}',
        notes: '',
        duration: 30,
        durationUnit: 'calendarDays',
        durationRange: [30, 60],
        goNoGo: false,
        dependsOn: [after('wave.goLive')],
      },
    ],
  },
};
