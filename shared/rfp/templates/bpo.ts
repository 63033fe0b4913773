/** Criteria template for selecting a business process outsourcing (BPO) provider. */
import { automationSection, domainSection, financialSection, resilienceSection, technologySection } from './bpoCapability';
import { costSection, fitSection, securitySection, transitionSection } from './bpoAssurance';
import type { CriteriaTemplate } from './types';

export const bpoTemplate: CriteriaTemplate = {
  key: 'bpo',
  title: 'BPO provider selection',
  description:
    'Criteria for choosing a provider to run a business process such as payroll, accounts payable, a contact centre or an IT service desk. Remove the knockouts that do not apply to the process.',
  sections: [
    domainSection,
    technologySection,
    automationSection,
    resilienceSection,
    financialSection,
    securitySection,
    fitSection,
    transitionSection,
    costSection,
  ],
};
