import { ERROR_CODES, type ErrorCode } from '@keskusvaraamo/shared';
import type { AppError } from '../graphql/errors';
import { authFetch } from '../session/tokens';

/** What a status means when the body names no code (a proxy's own error page, say). */
const STATUS_CODES: Record<number, AppError['code']> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);

/**
 * A REST route's error as the UI shows it. The server answers every one as
 * `{ "error": { "code": "NOT_FOUND", "message": "…", "retryAfterSeconds"?: n } }`.
 */
export async function restError(response: Response): Promise<AppError> {
  type Body = { error?: { code?: unknown; retryAfterSeconds?: unknown } } | null;
  const body = (await response.json().catch(() => null)) as Body; // not JSON: the status has to do
  const code = body?.error?.code;
  const error: AppError = {
    code: isErrorCode(code) ? code : (STATUS_CODES[response.status] ?? 'INTERNAL'),
    fields: [],
  };
  const retry = body?.error?.retryAfterSeconds;
  if (typeof retry === 'number') error.retryAfterSeconds = retry;
  return error;
}

/**
 * Downloads a file that needs the signed-in user's access token (a booking's .ics, a participant
 * list): the token goes in a header, never in the URL, so a plain link cannot carry it. The file is
 * fetched, handed to the browser as a temporary object URL and saved as `filename`.
 * Resolves to null when saved, or to the error to show.
 */
export async function downloadWithAuth(url: string, filename: string): Promise<AppError | null> {
  let response: Response;
  try {
    response = await authFetch(url, { method: 'GET' });
  } catch {
    return { code: 'NETWORK', fields: [] };
  }
  if (!response.ok) return restError(response);
  const objectUrl = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; a moment later the URL can go.
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
  return null;
}
