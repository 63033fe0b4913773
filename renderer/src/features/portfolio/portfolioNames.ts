/** Returns the first name `format(1)`, `format(2)`, … that no existing portfolio has. */
export function nextPortfolioName(existing: readonly string[], format: (number: number) => string): string {
  const taken = new Set(existing);
  for (let number = 1; ; number += 1) {
    const name = format(number);
    if (!taken.has(name)) return name;
  }
}
