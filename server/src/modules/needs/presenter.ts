import type { Locale } from '@keskusvaraamo/shared';
import type { needs } from './tables.js';

export function presentNeed(row: typeof needs.$inferSelect) {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    organisationId: row.organisationId,
    postedBy: row.postedBy,
    title: row.title,
    description: row.description,
    language: row.language as Locale,
    topics: row.topics,
    municipalityCode: row.municipalityCode,
    remote: row.remote,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    positions: row.positions,
    payKind: row.payKind,
    payAmountCents: row.payAmountCents,
    budgetCents: row.budgetCents,
    thesisLevel: row.thesisLevel,
    languages: row.languages as Locale[],
    applicationDeadline: row.applicationDeadline,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type NeedDto = ReturnType<typeof presentNeed>;
