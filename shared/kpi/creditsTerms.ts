/**
 * Checks of the commercial terms that service credits read: a contract's monthly charges and
 * at-risk percentage, and a service level's allocation, credit rule, earn-back, bonus and glide
 * path. The terms editor validates input too. These checks still run because a record from an
 * older file or another device can hold values the editor would reject.
 */
import { isPeriod } from '../domain/period';
import type { ContractData, CreditRule, KpiDefinitionData, ServiceLevelData } from '../domain/types';
import { atRiskAmountMinor } from './creditsAmounts';
import { isValidGlideStep } from './creditsGlidePath';
import type { ContractCreditTermsResult, ContractTermsIssue, LevelTermsIssue } from './creditsTypes';

export type ContractCreditFields = Pick<ContractData, 'monthlyChargesMinor' | 'atRiskPercent'>;

/** Checks a contract's charges and at-risk percentage and computes the monthly at-risk amount. */
export function checkContractTerms(contract: ContractCreditFields): ContractCreditTermsResult {
  const { monthlyChargesMinor, atRiskPercent } = contract;
  const issues: ContractTermsIssue[] = [];

  if (monthlyChargesMinor === null) {
    issues.push('noMonthlyCharges');
  } else if (!Number.isSafeInteger(monthlyChargesMinor) || monthlyChargesMinor < 0) {
    issues.push('invalidMonthlyCharges');
  }
  if (atRiskPercent === null) {
    issues.push('noAtRiskPercent');
  } else if (!Number.isFinite(atRiskPercent) || atRiskPercent < 0 || atRiskPercent > 100) {
    issues.push('invalidAtRiskPercent');
  }

  if (issues.length > 0 || monthlyChargesMinor === null || atRiskPercent === null) {
    return { monthlyChargesMinor, atRiskPercent, atRiskMinor: null, issues };
  }
  const atRiskMinor = atRiskAmountMinor(monthlyChargesMinor, atRiskPercent);
  if (atRiskMinor === 0) {
    return { monthlyChargesMinor, atRiskPercent, atRiskMinor: null, issues: ['nothingAtRisk'] };
  }
  return { monthlyChargesMinor, atRiskPercent, atRiskMinor, issues: [] };
}

export type LevelCreditFields = Pick<
  ServiceLevelData,
  'expected' | 'minimum' | 'critical' | 'allocationPercent' | 'creditRule' | 'earnBackMonths' | 'bonus' | 'goLive' | 'glidePath'
>;

/** Lists why a level carries no credits or has terms that cannot be used; empty when it is a usable critical level. */
export function checkLevelTerms(level: LevelCreditFields, kpi: Pick<KpiDefinitionData, 'direction'> | undefined): LevelTermsIssue[] {
  const issues: LevelTermsIssue[] = [];
  if (!level.critical) {
    issues.push('reportedKpi');
  }
  if (kpi === undefined) {
    issues.push('kpiNotFound');
  }
  if (!level.critical) {
    return issues;
  }

  if (!Number.isFinite(level.expected) || !Number.isFinite(level.minimum)) {
    issues.push('invalidLevels');
  }
  if (level.allocationPercent === null || level.allocationPercent === 0) {
    issues.push('noAllocation');
  } else if (!isNonNegative(level.allocationPercent)) {
    issues.push('invalidAllocation');
  }
  if (!isValidRule(level.creditRule)) {
    issues.push('invalidCreditRule');
  }
  if (!Number.isSafeInteger(level.earnBackMonths) || level.earnBackMonths < 0) {
    issues.push('invalidEarnBack');
  }
  if (level.bonus !== null && (!Number.isFinite(level.bonus.level) || !isNonNegative(level.bonus.percentOfAllocation))) {
    issues.push('invalidBonus');
  }
  if (!isValidGlidePath(level)) {
    issues.push('invalidGlidePath');
  }
  return issues;
}

/** Checks whether an issue stops a level's credits. An invalid bonus stops only the bonus, and a missing allocation has its own line code. */
export function blocksCredits(issue: LevelTermsIssue): boolean {
  return issue !== 'invalidBonus' && issue !== 'noAllocation';
}

function isNonNegative(value: number): boolean {
  return Number.isFinite(value) && value >= 0;
}

function isValidRule(rule: CreditRule): boolean {
  switch (rule.kind) {
    case 'fixed':
      return true;
    case 'proportional':
      return Number.isFinite(rule.fullCreditAt);
    case 'tiered':
      // A tiered rule without tiers would owe nothing for every miss, which is never what a contract means.
      return (
        rule.tiers.length > 0 && rule.tiers.every((tier) => Number.isFinite(tier.worseThan) && isNonNegative(tier.percentOfAllocation))
      );
  }
}

/** Checks that a glide path has a go-live month to count from and that every step has a whole month of 1 or more and finite levels. */
function isValidGlidePath(level: Pick<ServiceLevelData, 'goLive' | 'glidePath'>): boolean {
  if (level.goLive !== null && !isPeriod(level.goLive)) {
    return false;
  }
  if (level.glidePath.length > 0 && level.goLive === null) {
    return false;
  }
  return level.glidePath.every(isValidGlideStep);
}
