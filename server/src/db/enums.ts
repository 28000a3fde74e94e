/**
 * Database enums that belong to no one module: a study level describes a need's thesis, a course
 * and a student alike, and defining it in one of those modules' tables would make the others
 * depend on it.
 */
import { STUDY_LEVELS } from '@keskusvaraamo/shared';
import { pgEnum } from 'drizzle-orm/pg-core';

export const studyLevel = pgEnum('study_level', STUDY_LEVELS);
