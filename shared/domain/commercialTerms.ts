/**
 * The one list of commercial terms: the tables and fields that contain charges, prices and contract
 * values, from which service credits are computed. The service levels' credit terms (allocation,
 * credit rule, earn-back, bonus) are percentages of the amount at risk and are not listed, so they
 * stay in such a file but give no amount. An export "without commercial terms" leaves out exactly what is
 * listed here, and the portfolio file reader accepts the listed fields as absent only in such a
 * file. A feature that adds commercial data adds its table or fields here and nowhere else.
 */
import type { RecordTable, RecordTypes, SyncFields } from './types';

/** Names of the data fields of a table: every field but `id`, `clock` and `fieldClocks`. */
export type DataFieldName<T extends RecordTable> = Exclude<keyof RecordTypes[T], keyof SyncFields> & string;

export interface CommercialTermsRegistry {
  /** Tables whose every record is a commercial term. An export without commercial terms writes them empty. */
  readonly tables: readonly RecordTable[];
  /** Commercial fields of each table. An export without commercial terms leaves them and their clocks out. */
  readonly fields: { readonly [T in RecordTable]: readonly DataFieldName<T>[] };
}

export const commercialTerms: CommercialTermsRegistry = {
  tables: ['rfpPriceBids'],
  fields: {
    providers: [],
    contracts: ['annualValueMinor', 'monthlyChargesMinor', 'atRiskPercent'],
    kpis: [],
    serviceLevels: [],
    measurements: [],
    rfpEvents: [],
    rfpSections: [],
    rfpCriteria: [],
    rfpBidders: [],
    rfpEvaluators: [],
    rfpScores: [],
    rfpConsensusScores: [],
    rfpPriceBids: [],
    // Transition plans carry no charges or prices.
    planCalendars: [],
    plans: [],
    planTasks: [],
    planDependencies: [],
    planBaselines: [],
    // Escalations name the missed level, never an amount.
    escalations: [],
    escalationEvents: [],
    // Profile and governance records hold no prices.
    providerSites: [],
    certifications: [],
    contacts: [],
    processes: [],
    risks: [],
    meetingCadences: [],
    meetings: [],
    decisions: [],
    actionItems: [],
  },
};

/** Returns the commercial fields of `table` in `registry`, as plain strings. */
export function commercialFieldsOf(table: RecordTable, registry: CommercialTermsRegistry = commercialTerms): readonly string[] {
  return registry.fields[table];
}

/** Checks whether every record of `table` is a commercial term in `registry`. */
export function isCommercialTable(table: RecordTable, registry: CommercialTermsRegistry = commercialTerms): boolean {
  return registry.tables.includes(table);
}
