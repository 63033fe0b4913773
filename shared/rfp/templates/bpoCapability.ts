/** Sections of the BPO template on what the provider can do: track record, technology, automation, resilience and finances. */
import type { TemplateSection } from './types';

export const domainSection: TemplateSection = {
  key: 'domain',
  weight: 15,
  title: 'Domain expertise and track record',
  description: 'Proof that the provider already runs this process well for clients like you.',
  criteria: [
    {
      key: 'comparableClients',
      kind: 'scored',
      weight: 3,
      title: 'Comparable clients and references',
      description:
        'Clients for whom the provider runs the same process at a similar volume, in the same countries and industry, and what their references say.',
      applicability: '',
      levels: [
        'No client runs this process with the provider, or no reference is offered.',
        'One client runs a related process; references are offered but not yet checked.',
        'Clients run the same process at a much smaller volume or in other countries; references are lukewarm.',
        'At least two clients run the same process at a similar volume; references confirm delivery with minor reservations.',
        'Three or more comparable clients, including one in the same industry; references confirm service levels met for the last two years.',
        'Several comparable clients of more than three years, references that volunteer results (for example lower cost per transaction), and at least one contract renewed.',
      ],
    },
    {
      key: 'processExpertise',
      kind: 'scored',
      weight: 2,
      title: 'Process and regulatory expertise',
      description:
        'Depth of subject-matter knowledge in the team proposed: process owners, professional qualifications, and command of the rules the process must follow (tax, labour law, payment terms).',
      applicability: '',
      levels: [
        'The bid names no subject-matter experts and shows no grasp of the rules that govern the process.',
        'Generic staff profiles only; regulatory obligations are mentioned without detail.',
        'Named experts, but few with qualifications or experience in your countries; some regulatory gaps.',
        'Named process owners with relevant qualifications for each country in scope; the rules are covered correctly.',
        'As level 3, plus a documented method for tracking regulatory change and examples of changes implemented for other clients.',
        'Recognised experts who contribute to industry bodies; the bid points out regulatory risks in your current process that you had not raised.',
      ],
    },
    {
      key: 'serviceLevelHistory',
      kind: 'scored',
      weight: 2,
      title: 'Service level history',
      description:
        'Evidence of service levels actually achieved on comparable contracts: monthly reports, audit results and service credits paid.',
      applicability: '',
      levels: [
        'No service level results from any contract are offered.',
        'Claims of good performance without data.',
        'Summary figures without monthly detail, or evidence of repeated misses on key service levels.',
        'Twelve months of monthly results for one comparable contract, with most targets met and misses explained.',
        'Two years of monthly results for several contracts, targets met in at least 95% of months, service credits disclosed.',
        'As level 4, confirmed by client references or an independent audit, with a clear rising trend after improvement work.',
      ],
    },
  ],
};

export const technologySection: TemplateSection = {
  key: 'technology',
  weight: 10,
  title: 'Technology and API integration',
  description: 'How the provider connects to your systems, the tools it runs the process on, and the data it gives back.',
  criteria: [
    {
      key: 'integration',
      kind: 'scored',
      weight: 3,
      title: 'Integration with your systems',
      description:
        'How work and data move between your systems (ERP, HR, CRM) and the provider: documented APIs, secure file transfer, single sign-on, and who builds and maintains the interfaces.',
      applicability: '',
      levels: [
        'Work would move by e-mail or manual re-keying.',
        'Spreadsheet uploads or unencrypted file exchange; no named integration owner.',
        'Secure scheduled file transfer for most flows; interfaces built on request with no documentation offered.',
        'Documented APIs or connectors for your main systems, single sign-on, and an owner for each interface.',
        'As level 3, plus event-driven or near-real-time exchange, interface monitoring with alerts, and versioned API documentation.',
        'Proven connectors to your exact system versions in production elsewhere, a test environment from day one, and interfaces included in the service levels.',
      ],
    },
    {
      key: 'platform',
      kind: 'scored',
      weight: 2,
      title: 'Delivery platform and tools',
      description:
        'Workflow, case management and knowledge tools the provider will use, their licensing, and whether they stay with you at exit.',
      applicability: '',
      levels: [
        'The bid does not say which tools the process would run on.',
        'In-house tools with no description of functions, hosting or licensing.',
        'A named platform, but it would need major customisation, or its licences end with the contract and leave you with nothing at exit.',
        'A proven workflow and case management platform configured for the process, with licensing and exit treatment stated.',
        'As level 3, plus a shared knowledge base, audit trails on every case, and your own access to the platform.',
        'A platform already running comparable processes at scale, with your data and configuration handed over in a documented format at exit.',
      ],
    },
    {
      key: 'reporting',
      kind: 'scored',
      weight: 2,
      title: 'Reporting and data access',
      description: 'Operational and service level reporting, its frequency, and your direct access to raw transaction data.',
      applicability: '',
      levels: [
        'No reporting is offered beyond invoices.',
        'Monthly summary reports in a fixed format only.',
        'Monthly service level reports, but no transaction-level data or self-service access.',
        'Daily operational dashboards and monthly service level reports, with transaction data exports on request.',
        'Self-service dashboards and scheduled extracts of transaction-level data into your own reporting.',
        'As level 4, plus definitions of every measure agreed in the contract and an independent check of the service level calculations.',
      ],
    },
  ],
};

export const automationSection: TemplateSection = {
  key: 'automation',
  weight: 8,
  title: 'Automation maturity',
  description: 'How far the provider automates the process today and how it will keep improving productivity.',
  criteria: [
    {
      key: 'automationInProduction',
      kind: 'scored',
      weight: 3,
      title: 'Automation in production',
      description:
        'Robotic process automation, intelligent document processing and other automation the provider runs in production on this process today, with measured results.',
      applicability: '',
      levels: [
        'The process would be run entirely by hand.',
        'Automation is planned, but nothing runs in production.',
        'Isolated scripts or bots on small steps, with no measured effect.',
        'Automation in production on the main steps of the process for other clients, with measured hours saved.',
        'As level 3, plus document capture and exception routing, with automation rates reported per client.',
        'A large share of transactions processed end to end without a human touch on comparable contracts, with the governance, monitoring and bot change control to show for it.',
      ],
    },
    {
      key: 'continuousImprovement',
      kind: 'scored',
      weight: 2,
      title: 'Continuous improvement commitments',
      description: 'Contractual productivity commitments, the improvement method, and how savings are shared.',
      applicability: '',
      levels: [
        'No improvement commitment; the price and productivity stay flat over the term.',
        'General intent to improve, with no method or figures.',
        'An improvement method (for example Lean or Six Sigma), but no committed savings.',
        'A yearly productivity commitment built into the price, tracked in governance meetings.',
        'As level 3, plus a funded improvement backlog and a gain-share on savings beyond the commitment.',
        'Committed year-on-year price reductions backed by a specific automation roadmap, with results from the same approach on other contracts.',
      ],
    },
  ],
};

export const resilienceSection: TemplateSection = {
  key: 'resilience',
  weight: 10,
  title: 'Disaster recovery and business continuity',
  description: 'Whether the service keeps running through a site loss, a system outage, a pandemic or a cyber incident.',
  criteria: [
    {
      key: 'continuityPlans',
      kind: 'scored',
      weight: 3,
      title: 'Continuity and recovery plans',
      description:
        'Business continuity and disaster recovery plans for this service, with recovery time and recovery point objectives, and evidence of tests.',
      applicability: '',
      levels: [
        'No continuity or recovery plan is offered for this service.',
        'A generic company plan that does not cover this service.',
        'A plan for this service with recovery objectives, but never tested.',
        'A plan with recovery time and recovery point objectives that meet your requirements, tested in the last twelve months with results shared.',
        'As level 3, with tests at least twice a year, including a full failover, and actions tracked to closure.',
        'As level 4, plus certification to ISO 22301 or an independent audit of the plan, and you invited to take part in the tests.',
      ],
    },
    {
      key: 'deliveryRedundancy',
      kind: 'scored',
      weight: 2,
      title: 'Redundant delivery capacity',
      description:
        'Second delivery sites, cross-trained staff and remote working that let the service continue when one site or team is lost.',
      applicability: '',
      levels: [
        'One delivery site and no fallback if it is lost.',
        'Single site; remote working is possible but not set up for this service.',
        'A second site in the same city or region, or remote working for part of the team.',
        'A second site in another region able to take at least half the volume within 48 hours.',
        'Active work on two sites in different regions, with cross-trained staff and tested remote working.',
        'As level 4, with the full volume recoverable within 24 hours and a track record of doing so in a real incident.',
      ],
    },
  ],
};

export const financialSection: TemplateSection = {
  key: 'financial',
  weight: 7,
  title: 'Financial stability',
  description: 'Whether the provider will still be able to deliver and invest over the whole contract term.',
  criteria: [
    {
      key: 'financialHealth',
      kind: 'scored',
      weight: 3,
      title: 'Financial health',
      description:
        'Audited accounts for the last three years: revenue trend, profitability, liquidity, debt, and any credit rating or parent company guarantee.',
      applicability: '',
      levels: [
        'No audited accounts, or accounts showing losses and negative equity.',
        'Losses in two of the last three years, or a qualified audit opinion.',
        'Thin or volatile margins, or high debt, with no parent company guarantee.',
        'Profitable in each of the last three years, adequate liquidity, unqualified audit opinions.',
        'As level 3, with growing revenue, low debt and an investment-grade rating or a strong parent company guarantee.',
        'As level 4, plus a contract value below 5% of the provider\u2019s revenue and cash reserves that cover a year of operating costs.',
      ],
    },
    {
      key: 'dependence',
      kind: 'scored',
      weight: 2,
      title: 'Scale and mutual dependence',
      description:
        'How much of the provider\u2019s business this contract and its largest clients represent, and whether a lost client could destabilise it.',
      applicability: '',
      levels: [
        'This contract would exceed a third of the provider\u2019s revenue.',
        'One client, or this contract, makes up more than 25% of revenue.',
        'The largest client makes up 15 to 25% of revenue.',
        'No client above 15% of revenue, and this contract below 10%.',
        'No client above 10% of revenue, with a spread over industries and regions.',
        'As level 4, plus the provider shows how it would absorb the loss of its largest client without harm to service.',
      ],
    },
  ],
};
