import type { savedSearches } from './tables.js';

export function presentSavedSearch(row: typeof savedSearches.$inferSelect) {
  return {
    id: row.id,
    name: row.name,
    path: row.path,
    alert: row.alert,
    checkedAt: row.checkedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}
export type SavedSearchDto = ReturnType<typeof presentSavedSearch>;
