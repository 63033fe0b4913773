/** Names of generated providers and contracts: invented, but shaped like real ones. */
import type { ServiceType } from './kpiLibrary';
import type { SeededRandom } from './random';

/** Delivery region of a provider: its cities, contract currency and usual legal forms. */
export interface Region {
  readonly cities: readonly string[];
  /** ISO 4217 code. */
  readonly currency: string;
  readonly legalForms: readonly string[];
}

export const regions: readonly Region[] = [
  { cities: ['Glasgow', 'Sunderland', 'Belfast', 'Cardiff'], currency: 'GBP', legalForms: ['Ltd', 'plc'] },
  { cities: ['Krakow', 'Wroclaw', 'Gdansk'], currency: 'PLN', legalForms: ['Sp. z o.o.'] },
  { cities: ['Lisbon', 'Porto', 'Dublin', 'Barcelona'], currency: 'EUR', legalForms: ['S.A.', 'Ltd', 'S.L.'] },
  { cities: ['Bengaluru', 'Pune', 'Chennai', 'Hyderabad'], currency: 'INR', legalForms: ['Pvt Ltd'] },
  { cities: ['Manila', 'Cebu', 'Davao'], currency: 'PHP', legalForms: ['Inc.'] },
  { cities: ['Cape Town', 'Johannesburg'], currency: 'ZAR', legalForms: ['(Pty) Ltd'] },
  { cities: ['Tampa', 'Phoenix', 'San Antonio'], currency: 'USD', legalForms: ['Inc.', 'LLC'] },
];

const brandStems = [
  'Northgate',
  'Bluewave',
  'Meridian',
  'Keystone',
  'Harbourline',
  'Summit',
  'Crescent',
  'Pinnacle',
  'Oakridge',
  'Lumen',
  'Vertex',
  'Redwood',
  'Atlas',
  'Beacon',
  'Cobalt',
  'Evergreen',
  'Granite',
  'Horizon',
  'Ironbridge',
  'Juniper',
  'Kestrel',
  'Larkspur',
  'Mosaic',
  'Nimbus',
  'Orchard',
  'Parallax',
  'Quayside',
  'Riverstone',
  'Sterling',
  'Tidewater',
];

const serviceWords: Readonly<Record<ServiceType, readonly string[]>> = {
  contactCentre: ['Contact Solutions', 'Customer Care', 'CX Services', 'Teleservices'],
  payroll: ['Payroll Services', 'People Services', 'HR Outsourcing'],
  accountsPayable: ['Finance Operations', 'Business Services', 'Shared Services'],
  itServiceDesk: ['IT Services', 'Digital Support', 'Technology Services'],
};

const contractWords: Readonly<Record<ServiceType, string>> = {
  contactCentre: 'Contact centre services agreement',
  payroll: 'Payroll services agreement',
  accountsPayable: 'Accounts payable services agreement',
  itServiceDesk: 'IT service desk agreement',
};

/** Builds a provider name such as `Meridian Customer Care (Manila) Inc.`. */
export function providerName(random: SeededRandom, serviceType: ServiceType, region: Region): string {
  return `${random.pick(brandStems)} ${random.pick(serviceWords[serviceType])} (${random.pick(region.cities)}) ${random.pick(region.legalForms)}`;
}

/** Builds a new name for a renamed provider, different from `current`. */
export function renamedProviderName(random: SeededRandom, serviceType: ServiceType, region: Region, current: string): string {
  for (;;) {
    const name = providerName(random, serviceType, region);
    if (name !== current) return name;
  }
}

export function contractTitle(serviceType: ServiceType, startYear: number): string {
  return `${contractWords[serviceType]} ${startYear}`;
}
