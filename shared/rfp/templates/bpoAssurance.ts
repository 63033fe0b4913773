/** Sections of the BPO template on trust and change: security and compliance, fit, transition and cost. */
import type { TemplateSection } from './types';

export const securitySection: TemplateSection = {
  key: 'security',
  weight: 12,
  title: 'Security and compliance',
  description: 'Protection of your data and the certifications the process requires; the knockouts here exclude a bidder that fails them.',
  criteria: [
    {
      key: 'soc2Type2',
      kind: 'knockout',
      weight: 0,
      title: 'SOC 2 Type II report',
      description:
        'Pass: a SOC 2 Type II report on the delivery sites and systems in scope, covering at least the security criterion, for a period that ended within the last twelve months, with no unresolved qualified opinion.',
      applicability: 'Applies when the provider stores, processes or can access your data on its own systems.',
      levels: null,
    },
    {
      key: 'iso27001',
      kind: 'knockout',
      weight: 0,
      title: 'ISO/IEC 27001 certification',
      description:
        'Pass: a current ISO/IEC 27001 certificate from an accredited certification body whose scope covers the delivery sites and services in the bid.',
      applicability: 'Applies when the provider stores, processes or can access your data, on its systems or on yours.',
      levels: null,
    },
    {
      key: 'pciDss',
      kind: 'knockout',
      weight: 0,
      title: 'PCI DSS compliance',
      description:
        'Pass: a current PCI DSS attestation of compliance for the services in scope, at the level that matches the provider\u2019s card transaction volume.',
      applicability:
        'Applies only when the process stores, processes or transmits cardholder data, for example card payments taken in a contact centre.',
      levels: null,
    },
    {
      key: 'dataProtection',
      kind: 'scored',
      weight: 3,
      title: 'Data protection and privacy',
      description:
        'Compliance with the data protection law that applies (for example the GDPR): data processing terms, where data is held and accessed, sub-processors, transfer safeguards, and breach notification.',
      applicability: '',
      levels: [
        'The bid ignores data protection or refuses your data processing terms.',
        'General statements only; data locations and sub-processors are not disclosed.',
        'Data locations disclosed, but transfers outside your jurisdiction lack safeguards, or sub-processors may change without notice.',
        'Your data processing terms accepted, locations and sub-processors listed, lawful transfer safeguards in place, breach notice within 72 hours.',
        'As level 3, plus a named data protection officer, privacy impact assessments for this service, and your right to object to new sub-processors.',
        'As level 4, plus data kept in your jurisdiction or access limited to it, and a clean record with data protection authorities.',
      ],
    },
    {
      key: 'securityOperations',
      kind: 'scored',
      weight: 3,
      title: 'Security operations',
      description:
        'Day-to-day controls: background checks, least-privilege access with regular reviews, clean-desk and device controls, monitoring, vulnerability management, and incident response.',
      applicability: '',
      levels: [
        'The bid does not describe the security controls for this service.',
        'Policies exist, but no evidence that they are applied to this service.',
        'Main controls in place, but access reviews or staff background checks are missing or irregular.',
        'Background checks for all staff, quarterly access reviews, monitored endpoints, and an incident response plan with notification times.',
        'As level 3, plus a 24/7 security operations centre, yearly penetration tests with findings shared, and your right to audit.',
        'As level 4, plus controls mapped to your own security standard and a record of incidents handled within agreed times.',
      ],
    },
  ],
};

export const fitSection: TemplateSection = {
  key: 'fit',
  weight: 8,
  title: 'Cultural and operational fit',
  description: 'How well the provider will work with your people day to day.',
  criteria: [
    {
      key: 'governance',
      kind: 'scored',
      weight: 2,
      title: 'Governance and account management',
      description:
        'Proposed governance structure and meeting cadence, named account leadership, escalation paths, and how performance problems are handled.',
      applicability: '',
      levels: [
        'No governance model is proposed beyond invoicing contacts.',
        'A single account contact and an ad hoc review on request.',
        'Monthly service reviews, but no steering committee or escalation path.',
        'Weekly operational, monthly management and quarterly steering meetings with named attendees and a documented escalation path.',
        'As level 3, plus a named executive sponsor, joint improvement planning and a root cause analysis for every service level miss.',
        'As level 4, with the same governance model running at reference clients, who confirm that it resolves issues before they reach escalation.',
      ],
    },
    {
      key: 'ways',
      kind: 'scored',
      weight: 2,
      title: 'Ways of working and communication',
      description:
        'Language skills, hours overlapping with your teams, communication style, and willingness to adapt to your culture and tools.',
      applicability: '',
      levels: [
        'Language or time zone gaps that would block daily work.',
        'Limited overlap of working hours, and the language level of front-line staff is not assured.',
        'Adequate language and some overlap of working hours, but a rigid way of working that expects you to adapt.',
        'Fluent staff in the languages in scope, at least four hours of daily overlap, and use of your collaboration tools.',
        'As level 3, plus cultural alignment training and staff who have visited or worked on your site.',
        'As level 4, with evidence from the bid process itself (workshops, clarifications) of an open, proactive working style.',
      ],
    },
    {
      key: 'workforce',
      kind: 'scored',
      weight: 2,
      title: 'Workforce stability and training',
      description: 'Staff attrition, tenure, training and career paths on comparable accounts, and commitments on key personnel.',
      applicability: '',
      levels: [
        'Attrition above 50% a year or not disclosed.',
        'Attrition of 35 to 50% a year and no key-personnel commitment.',
        'Attrition of 20 to 35% a year, a basic induction programme, and key people named but not committed.',
        'Attrition below 20% a year on comparable accounts, a structured training curriculum, and key personnel committed for the first two years.',
        'As level 3, plus attrition below 12%, accredited training, and a succession plan for every key role.',
        'As level 4, plus attrition included in the service levels with a service credit, and a record of meeting it elsewhere.',
      ],
    },
  ],
};

export const transitionSection: TemplateSection = {
  key: 'transition',
  weight: 10,
  title: 'Transition approach',
  description: 'How the provider will take over the process from your team or the current provider without disrupting the service.',
  criteria: [
    {
      key: 'transitionPlan',
      kind: 'scored',
      weight: 3,
      title: 'Transition plan and knowledge transfer',
      description:
        'A phased plan with milestones, knowledge transfer method (shadowing, reverse shadowing, documented procedures), resources from both sides, and acceptance criteria for each phase.',
      applicability: '',
      levels: [
        'No transition plan is offered, or only a go-live date.',
        'A generic timeline without phases, resources or acceptance criteria.',
        'A phased plan, but knowledge transfer is vague or the resources you must provide are not stated.',
        'A phased plan with milestones, shadowing and reverse shadowing, the resources from both sides, and acceptance criteria for go-live.',
        'As level 3, plus a pilot or wave approach, parallel running, and documented procedures signed off before go-live.',
        'As level 4, from a transition team that has done at least three comparable transitions, with reference clients confirming on-time go-live.',
      ],
    },
    {
      key: 'transitionRisk',
      kind: 'scored',
      weight: 2,
      title: 'Transition risk and stabilisation',
      description:
        'Risk register for the transition, fallback options, service levels during stabilisation, and commitments if go-live slips.',
      applicability: '',
      levels: [
        'Transition risks are not addressed, and no fallback is offered.',
        'A few risks listed, with no owners or mitigations.',
        'A risk register with mitigations, but no fallback or stabilisation commitments.',
        'A risk register with owners, a fallback plan, and reduced service levels during a stabilisation period of stated length.',
        'As level 3, plus full service levels from a fixed date, and transition milestones tied to payments.',
        'As level 4, plus financial commitments (fee at risk or credits) if go-live or stabilisation slips through the provider\u2019s fault.',
      ],
    },
  ],
};

export const costSection: TemplateSection = {
  key: 'cost',
  weight: 20,
  title: 'Cost',
  description:
    'Total cost of ownership over the contract term: one-time transition fees and recurring charges, converted to the RFP\u2019s currency.',
  criteria: [
    {
      key: 'totalCost',
      kind: 'price',
      weight: 1,
      title: 'Total cost of ownership',
      description:
        'One-time fees plus recurring charges over the contract term, in the base currency. The RFP\u2019s price score method turns it into a score; the levels below apply only when the price is scored by hand.',
      applicability: '',
      levels: [
        'More than 40% above the lowest compliant bid, or the price cannot be compared (missing charges or unpriced assumptions).',
        '25 to 40% above the lowest compliant bid.',
        '15 to 25% above the lowest compliant bid.',
        '5 to 15% above the lowest compliant bid.',
        'Within 5% of the lowest compliant bid.',
        'The lowest compliant bid, with every charge priced and no open assumptions.',
      ],
    },
  ],
};
