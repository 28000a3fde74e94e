/**
 * A seeded pseudo-random generator for the demo history (mulberry32): the same seed gives the same
 * history for the same day, so that tests see stable data and every first start looks alike.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick from nothing');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One item, each as likely as its weight; null when every weight is zero. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T | null {
    const weights = items.map((item) => Math.max(0, weight(item)));
    const total = weights.reduce((sum, w) => sum + w, 0);
    if (total <= 0) return null;
    let r = this.next() * total;
    for (const [i, w] of weights.entries()) {
      r -= w;
      if (r < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  }

  /** `n` distinct items, each drawn as likely as its weight among those left. */
  sample<T>(items: readonly T[], n: number, weight: (item: T) => number = () => 1): T[] {
    const left = [...items];
    const chosen: T[] = [];
    while (chosen.length < n) {
      const item = this.weighted(left, weight);
      if (item === null) break;
      chosen.push(item);
      left.splice(left.indexOf(item), 1);
    }
    return chosen;
  }

  /** A count around `mean`: the integer part, plus one as likely as the fraction, give or take a quarter. */
  around(mean: number): number {
    const jittered = mean * (0.75 + this.next() * 0.5);
    const whole = Math.floor(jittered);
    return whole + (this.chance(jittered - whole) ? 1 : 0);
  }

  /** A version 4 UUID from this generator, so that a plan's rows can refer to each other before insertion. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.next() * 16).toString(16));
    hex[12] = '4';
    hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}
