import argon2 from 'argon2';
import { PASSWORD_MIN } from '@keskusvaraamo/shared';

/**
 * argon2id with OWASP's recommended minimum (Password Storage Cheat Sheet):
 * 19 MiB of memory, 2 iterations, 1 degree of parallelism.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * Verifying against this when the account does not exist keeps the answer time the same,
 * so timing does not reveal which addresses have accounts.
 */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-for-timing');
  return dummyHash;
}

let commonPasswords: Promise<Set<string>> | undefined;
/**
 * The most common passwords of public breach corpora (about 49,000, from the zxcvbn-ts project's
 * maintained list, shipped in the package: nothing is fetched at run time), lower-case. Only those
 * long enough to pass the length rule are kept.
 */
function loadCommonPasswords(): Promise<Set<string>> {
  commonPasswords ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common'].filter((p) => p.length >= PASSWORD_MIN)),
  );
  return commonPasswords;
}

/** Words of this service that make a password easy to guess here (NIST SP 800-63B 3.1.1.2). */
const SERVICE_WORDS = ['keskusvaraamo', 'osaamisenkeskusvaraamo'];
/** Passwords this project publishes: the demo accounts' (README). Only the seed, which hashes it itself, uses it. */
const PUBLISHED = new Set(['demo-2026-lappi']);

/**
 * True when the password is one of the most common (or breached) passwords, in any letter case,
 * the account's own e-mail address, the service's name, or the published demo password.
 */
export async function isCommonPassword(password: string, email?: string): Promise<boolean> {
  const lower = password.toLowerCase();
  const compact = lower.replace(/[\s._-]+/g, '');
  if (email && (lower === email || lower === email.split('@')[0])) return true;
  if (
    SERVICE_WORDS.some(
      (word) => compact === word || (compact.startsWith(word) && /^\d*$/.test(compact.slice(word.length))),
    )
  ) {
    return true;
  }
  return PUBLISHED.has(lower) || (await loadCommonPasswords()).has(lower);
}
