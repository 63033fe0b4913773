/**
 * Numerical functions the KPI analytics need: the log-gamma function, the regularized
 * incomplete beta function, and Student's t distribution (CDF and quantile). Written here
 * because the project has no statistics package; accurate to about 1e-12 for the degrees of
 * freedom the analytics use (1 to 10).
 */

/** Lanczos approximation with g = 7 and nine coefficients, accurate to about 15 digits for x > 0. */
const lanczosG = 7;
const lanczosCoefficients = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;

/** Computes ln(Γ(x)) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) {
    throw new RangeError(`logGamma needs x > 0, got ${x}`);
  }
  if (x < 0.5) {
    // Reflection formula, so the series below only gets x >= 0.5.
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const shifted = x - 1;
  let series = lanczosCoefficients[0];
  for (let index = 1; index < lanczosCoefficients.length; index += 1) {
    series += (lanczosCoefficients[index] ?? 0) / (shifted + index);
  }
  const base = shifted + lanczosG + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(base) - base + Math.log(series);
}

const continuedFractionEpsilon = 1e-15;
const continuedFractionTiny = 1e-300;
const continuedFractionMaxIterations = 300;

/**
 * Computes the regularized incomplete beta function I_x(a, b) for 0 <= x <= 1 and a, b > 0.
 * The continued fraction converges fast for x < (a + 1) / (a + b + 2); above that point the
 * symmetry I_x(a, b) = 1 - I_(1-x)(b, a) is used instead.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) {
    throw new RangeError(`Incomplete beta needs a > 0 and b > 0, got a = ${a}, b = ${b}`);
  }
  if (Number.isNaN(x) || x < 0 || x > 1) {
    throw new RangeError(`Incomplete beta needs 0 <= x <= 1, got ${x}`);
  }
  if (x === 0 || x === 1) {
    return x;
  }
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) {
    return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  }
  return 1 - (Math.exp(logFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

/** Evaluates the continued fraction of the incomplete beta function by the modified Lentz method. */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const sum = a + b;
  const plusOne = a + 1;
  const minusOne = a - 1;
  let c = 1;
  let d = 1 - (sum * x) / plusOne;
  if (Math.abs(d) < continuedFractionTiny) d = continuedFractionTiny;
  d = 1 / d;
  let fraction = d;
  for (let m = 1; m <= continuedFractionMaxIterations; m += 1) {
    const twoM = 2 * m;
    // Even step of the fraction.
    let term = (m * (b - m) * x) / ((minusOne + twoM) * (a + twoM));
    d = 1 + term * d;
    if (Math.abs(d) < continuedFractionTiny) d = continuedFractionTiny;
    c = 1 + term / c;
    if (Math.abs(c) < continuedFractionTiny) c = continuedFractionTiny;
    d = 1 / d;
    fraction *= d * c;
    // Odd step of the fraction.
    term = (-(a + m) * (sum + m) * x) / ((a + twoM) * (plusOne + twoM));
    d = 1 + term * d;
    if (Math.abs(d) < continuedFractionTiny) d = continuedFractionTiny;
    c = 1 + term / c;
    if (Math.abs(c) < continuedFractionTiny) c = continuedFractionTiny;
    d = 1 / d;
    const change = d * c;
    fraction *= change;
    if (Math.abs(change - 1) < continuedFractionEpsilon) {
      return fraction;
    }
  }
  // NOTE: not reached for the degrees of freedom the analytics use; the last value is still close.
  return fraction;
}

/** Computes P(T <= t) for Student's t distribution with `degreesOfFreedom` > 0. */
export function studentTCdf(t: number, degreesOfFreedom: number): number {
  if (!(degreesOfFreedom > 0)) {
    throw new RangeError(`Student's t needs degrees of freedom > 0, got ${degreesOfFreedom}`);
  }
  if (Number.isNaN(t)) {
    throw new RangeError("Student's t CDF got NaN");
  }
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = 0.5 * regularizedIncompleteBeta(degreesOfFreedom / (degreesOfFreedom + t * t), degreesOfFreedom / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

const quantileCache = new Map<string, number>();
const quantileBisectionSteps = 200;

/**
 * Returns the t with P(T <= t) = `probability` for Student's t distribution, by bisection on
 * the CDF. Results are cached by probability and degrees of freedom, because the analytics ask
 * for the same few quantiles for every series.
 */
export function studentTQuantile(probability: number, degreesOfFreedom: number): number {
  if (!(probability > 0 && probability < 1)) {
    throw new RangeError(`Quantile needs 0 < probability < 1, got ${probability}`);
  }
  if (!(degreesOfFreedom > 0)) {
    throw new RangeError(`Student's t needs degrees of freedom > 0, got ${degreesOfFreedom}`);
  }
  const key = `${probability}|${degreesOfFreedom}`;
  const cached = quantileCache.get(key);
  if (cached !== undefined) {
    return cached;
  }

  let high = 1;
  while (studentTCdf(high, degreesOfFreedom) < probability) high *= 2;
  let low = -1;
  while (studentTCdf(low, degreesOfFreedom) > probability) low *= 2;
  for (let step = 0; step < quantileBisectionSteps && high - low > 1e-13 * Math.max(1, Math.abs(high)); step += 1) {
    const middle = (low + high) / 2;
    if (studentTCdf(middle, degreesOfFreedom) < probability) {
      low = middle;
    } else {
      high = middle;
    }
  }
  const quantile = (low + high) / 2;
  quantileCache.set(key, quantile);
  return quantile;
}

/**
 * Returns the median of `values[0..count)`, sorting that part of `values` in place. Callers pass
 * a scratch array so that a window median allocates nothing.
 */
export function medianInPlace(values: Float64Array, count: number): number {
  if (count <= 0) {
    throw new RangeError('Median of no values');
  }
  // Insertion sort: the windows have at most a dozen values.
  for (let index = 1; index < count; index += 1) {
    const current = values[index] ?? 0;
    let position = index - 1;
    while (position >= 0 && (values[position] ?? 0) > current) {
      values[position + 1] = values[position] ?? 0;
      position -= 1;
    }
    values[position + 1] = current;
  }
  const middle = count >> 1;
  return count % 2 === 1 ? (values[middle] ?? 0) : ((values[middle - 1] ?? 0) + (values[middle] ?? 0)) / 2;
}
