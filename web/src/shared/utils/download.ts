import type { AppError } from '../graphql/errors';
import { authFetch } from '../session/tokens';

const STATUS_CODES: Record<number, AppError['code']> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  429: 'RATE_LIMITED',
};

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
  if (!response.ok) return { code: STATUS_CODES[response.status] ?? 'INTERNAL', fields: [] };
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
