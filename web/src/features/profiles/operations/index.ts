import type { Locale, StudentProfileData, StudyLevel } from '@keskusvaraamo/shared';
import { gql } from '../../../shared/graphql/document';

export interface StudentProfile {
  userId: string;
  displayName: string;
  institutionName: string;
  fieldOfStudy: string;
  studyLevel: StudyLevel;
  topics: string[];
  languages: Locale[];
  availableFrom: string | null;
  availableTo: string | null;
  homeMunicipalityCode: string | null;
  introduction: string | null;
  discoverable: boolean;
  updatedAt: string;
}

/** What the profile form sends: the shared schema's output. */
export type StudentProfileInput = StudentProfileData;

const PROFILE = `userId displayName institutionName fieldOfStudy studyLevel topics languages availableFrom availableTo
  homeMunicipalityCode introduction discoverable updatedAt`;

export const MyStudentProfileQuery = gql<{ myStudentProfile: StudentProfile | null }, Record<string, never>>(
  `query MyStudentProfile { myStudentProfile { ${PROFILE} } }`,
);

export const SaveStudentProfileMutation = gql<{ saveStudentProfile: StudentProfile }, { input: StudentProfileInput }>(
  `mutation SaveStudentProfile($input: StudentProfileInput!) { saveStudentProfile(input: $input) { ${PROFILE} } }`,
);
