import { municipalityName, type NeedKind, type OfferKind } from '@keskusvaraamo/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, useLocale } from '../../../shared/i18n';
import type { Match } from '../operations';

/** Where a match's title leads: a course or pool, a session's course, or a need. */
export function matchHref(match: Match): string | null {
  switch (match.kind) {
    case 'OFFER':
      return `/offers/${match.id}`;
    case 'SESSION':
      return match.offerId ? `/offers/${match.offerId}` : null;
    case 'NEED':
      return `/needs/${match.id}`;
    default:
      return null;
  }
}

/**
 * What a match is, in words: a course, a student pool, a student, the need's kind, or a session
 * with its time and place (a course and its sessions share a title, so this tells them apart).
 */
export function MatchKindLine({ match }: { match: Match }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = (() => {
    switch (match.kind) {
      case 'OFFER':
        return t(`offerKinds.${match.itemKind as OfferKind}`);
      case 'NEED':
        return t(`needKinds.${match.itemKind as NeedKind}`);
      case 'STUDENT':
        return t('matching.kinds.student');
      case 'SESSION': {
        const where = match.remote
          ? t('matching.kinds.online')
          : match.municipalityCode
            ? municipalityName(match.municipalityCode, locale)
            : null;
        const when = match.startsAt ? formatDateTime(match.startsAt, locale) : '';
        return [t('matching.kinds.session', { when }).trim(), where].filter(Boolean).join(' · ');
      }
      default:
        return null;
    }
  })();
  return text ? <p className="card__meta">{text}</p> : null;
}

/** A score of 0–100 as a meter with its value in words ("86/100"). */
export function MatchScore({ score, label }: { score: number; label: string }) {
  const { t } = useTranslation();
  const value = Math.round(score);
  const text = t('matching.score', { score: value });
  return (
    <span className="match-score">
      <meter min={0} max={100} value={value} aria-label={label} aria-valuetext={text} />{' '}
      <span aria-hidden="true">{text}</span>
    </span>
  );
}

/**
 * Matches as a list of cards, best first: the title (linked where it has a page), the
 * organisation or the student's institution, the score and the reasons in plain words.
 * `action` adds a button to each (a coordinator's Propose).
 */
export function MatchList({
  matches,
  action,
  headingLevel = 3,
}: {
  matches: Match[];
  action?: (match: Match) => ReactNode;
  /** The level of each match's heading: 3 under a section's own heading, 2 right under the page's. */
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { t } = useTranslation();
  return (
    <ul className="card-list">
      {matches.map((match) => {
        const href = matchHref(match);
        return (
          <li key={`${match.kind}-${match.id}`} className="card">
            <Heading className="card__title">{href ? <Link to={href}>{match.title}</Link> : match.title}</Heading>
            <MatchKindLine match={match} />
            {match.subtitle ? <p className="card__meta">{match.subtitle}</p> : null}
            <p className="card__meta">
              <MatchScore score={match.score} label={t('matching.scoreLabel', { title: match.title })} />
            </p>
            <p>{match.explanation}</p>
            {action ? action(match) : null}
          </li>
        );
      })}
    </ul>
  );
}
