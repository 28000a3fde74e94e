/**
 * The public results: the headline figures for this calendar year so far and last year, from the
 * same computation as the coordinator's report, with small counts suppressed. No personal data.
 */
import { SMALL_COUNT_LIMIT } from '@keskusvaraamo/shared';
import type { Deps } from '../../deps.js';
import { todayInHelsinki } from '../../lib/helsinki.js';
import { computeReport } from './queries.js';
import type { PublicCount, PublicYearResultsDto } from './types.js';

/** A count the public may see: 1–4 become "fewer than 5", so that nobody can be identified. */
export function publicCount(value: number): PublicCount {
  return value > 0 && value < SMALL_COUNT_LIMIT ? { value: null, suppressed: true } : { value, suppressed: false };
}

const PUBLIC_TTL_MS = 10 * 60 * 1000;
type PublicResultsDto = { thisYear: PublicYearResultsDto; lastYear: PublicYearResultsDto };
const publicCache = new WeakMap<Deps['db'], { day: string; at: number; value: Promise<PublicResultsDto> }>();

/**
 * The public headline figures for this calendar year so far and last year. Anyone may ask, so each
 * instance computes them at most once per ten minutes (the figures move slowly).
 */
export function publicResults(deps: Deps, now = new Date()): Promise<PublicResultsDto> {
  const day = todayInHelsinki(now);
  const cached = publicCache.get(deps.db);
  if (cached && cached.day === day && now.getTime() - cached.at < PUBLIC_TTL_MS) return cached.value;
  const value = computePublicResults(deps, day);
  publicCache.set(deps.db, { day, at: now.getTime(), value });
  value.catch(() => {
    if (publicCache.get(deps.db)?.value === value) publicCache.delete(deps.db);
  });
  return value;
}

/** Forgets the cached public figures (tests). */
export function forgetPublicResults(deps: Deps) {
  publicCache.delete(deps.db);
}

async function computePublicResults(deps: Deps, today: string) {
  const year = Number(today.slice(0, 4));
  const report = await computeReport(deps, { from: `${year}-01-01`, to: `${year}-12-31` });
  const pick = (which: 'current' | 'previous', y: number): PublicYearResultsDto => ({
    year: y,
    needsPosted: publicCount(report.needs.posted[which]),
    matchesMade: publicCount(report.matches.made[which]),
    sessionsHeld: publicCount(report.courses.sessionsHeld[which]),
    participantsAttended: publicCount(report.courses.participantsAttended[which]),
    placementsFilled: publicCount(report.placements.filled[which]),
    companiesServed: publicCount(report.reach.companiesServed[which]),
    municipalitiesReached: publicCount(
      report.reach.byMunicipality.filter(
        (m) =>
          m.municipalityCode !== null &&
          (which === 'current' ? m.companies + m.people : m.previousCompanies + m.previousPeople) > 0,
      ).length,
    ),
  });
  return { thisYear: pick('current', year), lastYear: pick('previous', year - 1) };
}
