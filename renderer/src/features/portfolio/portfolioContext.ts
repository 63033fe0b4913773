import { createContext, useContext } from 'react';
import type { PortfolioDb } from '../../db/portfolioDb';

/** The open portfolio's database; screens below `PortfolioGate` always have one. */
export const PortfolioContext = createContext<PortfolioDb | null>(null);

export function usePortfolioDb(): PortfolioDb {
  const db = useContext(PortfolioContext);
  if (!db) throw new Error('usePortfolioDb is used outside an open portfolio');
  return db;
}
