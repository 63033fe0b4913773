import { describe, expect, test } from 'vitest';
import { nextPortfolioName } from '../../../../../../renderer/src/features/portfolio/portfolioNames';

const format = (number: number) => `Portfolio ${number}`;

describe('nextPortfolioName', () => {
  test('first portfolio is number 1', () => {
    expect(nextPortfolioName([], format)).toBe('Portfolio 1');
  });

  test('skips taken numbers', () => {
    expect(nextPortfolioName(['Portfolio 1', 'Portfolio 2', 'Client A'], format)).toBe('Portfolio 3');
  });

  test('fills a gap', () => {
    expect(nextPortfolioName(['Portfolio 2'], format)).toBe('Portfolio 1');
  });
});
