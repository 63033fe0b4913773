import { createPortfolio, listPortfolios } from '../../db/catalogue';

/** Picks the portfolio to open: the remembered one if it still exists, else the first, else a new empty one. */
async function pickPortfolio(remembered: string | null, newName: string): Promise<string> {
  const portfolios = await listPortfolios();
  if (remembered !== null && portfolios.some((portfolio) => portfolio.id === remembered)) return remembered;
  const first = portfolios[0];
  if (first) return first.id;
  return (await createPortfolio(newName)).id;
}

let pickInFlight: Promise<string> | null = null;

/**
 * Runs one pick at a time, so that two mounts racing on a first start (React's development
 * mode mounts effects twice) create one empty portfolio, not two.
 */
export function choosePortfolio(remembered: string | null, newName: string): Promise<string> {
  const previous = pickInFlight ?? Promise.resolve('');
  const next = previous.then(
    () => pickPortfolio(remembered, newName),
    () => pickPortfolio(remembered, newName),
  );
  pickInFlight = next;
  return next;
}
