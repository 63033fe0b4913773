/**
 * Seeded pseudo-random numbers for the benchmark portfolio, so that one seed always gives the
 * same portfolio on every machine. Not for anything secret.
 */
import type { Id } from '../../shared/domain/types';

const twoTo32 = 0x1_0000_0000;

/** Mulberry32: a 32-bit state generator, small and fast, with a period of 2^32. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    if (!Number.isInteger(seed)) throw new RangeError(`The seed must be a whole number, not ${seed}`);
    this.state = seed >>> 0;
  }

  /** Returns the next unsigned 32-bit integer. */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let mixed = this.state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return (mixed ^ (mixed >>> 14)) >>> 0;
  }

  /** Returns a number in [0, 1). */
  next(): number {
    return this.nextUint32() / twoTo32;
  }

  /** Returns a whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Returns `true` with probability `probability`. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Returns a number drawn from a normal distribution (Box-Muller transform). */
  normal(mean: number, deviation: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Returns one element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('Cannot pick from an empty array');
    return item;
  }

  /** Returns `count` distinct elements of `items` in a random order (partial Fisher-Yates shuffle). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const taken = Math.min(count, copy.length);
    for (let index = 0; index < taken; index += 1) {
      const swap = index + Math.floor(this.next() * (copy.length - index));
      const chosen = copy[swap] as T;
      copy[swap] = copy[index] as T;
      copy[index] = chosen;
    }
    return copy.slice(0, taken);
  }

  /** Returns `digits` lowercase hex digits. */
  hex(digits: number): string {
    let text = '';
    while (text.length < digits) text += this.nextUint32().toString(16).padStart(8, '0');
    return text.slice(0, digits);
  }

  /**
   * Returns a UUIDv7 string: `wallMs` in the first 48 bits, then the version and variant bits,
   * and 74 bits from this generator where a real UUIDv7 has random bits.
   */
  uuidv7(wallMs: number): Id {
    const time = wallMs.toString(16).padStart(12, '0');
    const variant = (8 + this.int(0, 3)).toString(16);
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${this.hex(3)}-${variant}${this.hex(3)}-${this.hex(12)}`;
  }
}
