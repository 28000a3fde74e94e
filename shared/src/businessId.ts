/** Weights of the Finnish business ID (Y-tunnus) check digit, from the left. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2] as const;

/**
 * Normalises a Finnish business ID: trims it and pads the old six-digit form ("123456-7")
 * with a leading zero. Returns null when the shape is wrong.
 */
export function normaliseBusinessId(input: string): string | null {
  const match = /^(\d{6,7})-(\d)$/.exec(input.trim());
  if (!match) return null;
  return `${match[1]!.padStart(7, '0')}-${match[2]}`;
}

/** True when the business ID has the form 1234567-8 and its check digit is right. */
export function isValidBusinessId(input: string): boolean {
  const id = normaliseBusinessId(input);
  if (!id) return false;
  const digits = id.slice(0, 7).split('').map(Number);
  const sum = digits.reduce((acc, digit, i) => acc + digit * WEIGHTS[i]!, 0);
  const remainder = sum % 11;
  if (remainder === 1) return false; // no valid check digit exists for these
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check === Number(id[8]);
}
