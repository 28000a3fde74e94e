/**
 * Who may do what with saved searches: only the person who saved one ever sees or changes it (not
 * staff either: a saved search tells what someone is looking for). Anyone else gets NOT_FOUND.
 */
import type { Viewer } from '../../lib/viewer.js';

export const savedSearchPolicy = {
  /** Anyone signed in keeps saved searches of their own. */
  save: (viewer: Viewer | null) => !!viewer,
  /** Read, rename, change the alert, delete. */
  own: (viewer: Viewer | null, saved: { userId: string }) => !!viewer && saved.userId === viewer.id,
};
