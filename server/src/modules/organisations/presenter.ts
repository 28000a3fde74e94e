import type { invitations, organisations } from './tables.js';

export function presentOrganisation(row: typeof organisations.$inferSelect) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    businessId: row.businessId,
    municipalityCode: row.municipalityCode,
    website: row.website,
    description: row.description,
    verified: row.verifiedAt !== null,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
export type OrganisationDto = ReturnType<typeof presentOrganisation>;

export function presentInvitation(row: typeof invitations.$inferSelect) {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}
