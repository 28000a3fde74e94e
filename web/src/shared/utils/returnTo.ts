/**
 * A path to return to after signing in, taken from the URL. Only same-site paths are accepted, so
 * that a crafted link cannot send the user to another site after sign-in.
 */
export function safeReturnTo(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value;
}

/** A link to `path` that carries where to come back to. */
export function withReturnTo(path: string, returnTo: string): string {
  return `${path}?returnTo=${encodeURIComponent(returnTo)}`;
}
