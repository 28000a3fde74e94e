import type { Locale } from '@keskusvaraamo/shared';
import type { studentProfiles } from './tables.js';

/** A profile as the API shows it, with its student's name (kept by accounts). */
export function presentStudentProfile(row: typeof studentProfiles.$inferSelect, displayName: string) {
  return {
    userId: row.userId,
    displayName,
    institutionName: row.institutionName,
    fieldOfStudy: row.fieldOfStudy,
    studyLevel: row.studyLevel,
    topics: row.topics,
    languages: row.languages as Locale[],
    availableFrom: row.availableFrom,
    availableTo: row.availableTo,
    homeMunicipalityCode: row.homeMunicipalityCode,
    introduction: row.introduction,
    discoverable: row.discoverable,
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type StudentProfileDto = ReturnType<typeof presentStudentProfile>;
