import { APPLICATION_TRANSITIONS, NEED_FILLED_REASON, type ApplicationState } from '@keskusvaraamo/shared';
import { describe, expect, it } from 'vitest';
import { fromHelsinki, helsinkiDate, toHelsinki } from '../lib/helsinki.js';
import { DEMO_USERS, demoEmail } from './demo.js';
import { DEMO_STUDENTS } from './demo-students.js';
import {
  COMPANY_PROFILES,
  helsinkiClock,
  helsinkiDay,
  planHistory,
  type HistoryOrganisation,
  type HistoryPlan,
} from './history-plan.js';
import { addDays, isOfficeDay } from './timeline.js';

const EDUCATORS: HistoryOrganisation[] = [
  ['educator', '698', 'EDUCATIONAL'],
  ['educator.lappia', '851', 'EDUCATIONAL'],
  ['educator.redu', '698', 'EDUCATIONAL'],
  ['educator.ulapland', '698', 'EDUCATIONAL'],
  ['educator.proagria', '698', 'TRAINING_BODY'],
].map(([key, municipalityCode, kind]) => ({
  key: key!,
  name: key!,
  kind: kind as HistoryOrganisation['kind'],
  municipalityCode: municipalityCode!,
  verified: true,
}));
const COMPANY_PLACES: Record<string, string> = {
  entrepreneur: '732',
  kemijoki: '698',
  aurinkolappi: '320',
  inari: '148',
  tornionlaakso: '851',
  pello: '854',
  sodankyla: '758',
  kolari: '273',
  posio: '614',
  ranua: '683',
  kittila: '261',
  simo: '751',
  keminmaa: '241',
  napapiiri: '698',
  ounasvaara: '698',
  perameri: '240',
  kemi: '240',
  tornio: '851',
  ylitornio: '976',
  tervola: '845',
  saariselka: '148',
};
const UNVERIFIED = new Set(['inari', 'kolari', 'simo']);

function plan(now: Date): HistoryPlan {
  return planHistory({
    now,
    organisations: [
      ...EDUCATORS,
      ...Object.entries(COMPANY_PLACES).map(([key, municipalityCode]) => ({
        key,
        name: key,
        kind: 'COMPANY' as const,
        municipalityCode,
        verified: !UNVERIFIED.has(key),
        language: key === 'tornionlaakso' ? ('sv' as const) : ('fi' as const),
      })),
    ],
    students: DEMO_STUDENTS,
    names: new Map(DEMO_USERS.map((u) => [u.key, u.name])),
    emails: new Map(DEMO_USERS.map((u) => [u.key, demoEmail(u.key)])),
  });
}

/** Two seeding days: a December like today's, and a March, when the summer's jobs are being filled. */
const DAYS = [new Date('2026-12-03T21:00:00Z'), new Date('2027-03-15T10:30:00Z')];
const PLANS = DAYS.map((now) => ({ now, plan: plan(now) }));
const month = (at: Date) => helsinkiDate(at).slice(0, 7);
const minutes = (at: Date) => {
  const local = toHelsinki(at);
  return Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
};

/** Everything people did, with who did it: office work by day, students into the evening. */
function humanMoments(p: HistoryPlan): { what: string; at: Date; student: boolean }[] {
  const students = new Set(DEMO_STUDENTS.map((s) => s.key));
  return [
    ...p.needs.map((n) => ({ what: `need ${n.title} published`, at: n.publishedAt, student: false })),
    ...p.needs
      .filter((n) => n.state === 'CLOSED')
      .map((n) => ({ what: `need ${n.title} closed`, at: n.endedAt, student: false })),
    ...p.applications.flatMap((a) =>
      a.events
        .filter((e) => e.actor)
        .map((e) => ({ what: `application ${e.to}`, at: e.at, student: students.has(e.actor!) })),
    ),
    ...p.bookings.map((b) => ({ what: 'booking', at: b.confirmedAt, student: students.has(b.by) })),
    ...p.proposals.map((x) => ({ what: 'proposal', at: x.createdAt, student: false })),
    ...p.offers.map((o) => ({ what: `course ${o.title} published`, at: o.publishedAt, student: false })),
    ...[...p.organisations.values()]
      .filter((o) => o.verifiedAt)
      .map((o) => ({ what: 'verified', at: o.verifiedAt!, student: false })),
  ];
}

describe('the demo history plan', () => {
  it('is the same plan for the same day', () => {
    const again = plan(DAYS[0]!);
    const strip = (p: HistoryPlan) =>
      JSON.stringify({ ...p, organisations: [...p.organisations], users: [...p.users] });
    expect(strip(again)).toBe(strip(PLANS[0]!.plan));
  });

  it.each(PLANS)('spreads over more than a year of months before $now', ({ now, plan: p }) => {
    const first = p.needs[0]!.publishedAt;
    expect(now.getTime() - first.getTime()).toBeGreaterThan(365 * 86_400_000);
    expect(now.getTime() - first.getTime()).toBeLessThan(548 * 86_400_000);
    expect(new Set(p.needs.map((n) => month(n.publishedAt))).size).toBeGreaterThanOrEqual(10);
    const held = p.sessions.filter((s) => !s.cancelledAt);
    expect(new Set(held.map((s) => month(s.startsAt))).size).toBeGreaterThanOrEqual(6);
    for (const kind of ['COURSE', 'INTERNSHIP', 'SUMMER_JOB', 'THESIS']) {
      expect(p.needs.filter((n) => n.kind === kind).length, kind).toBeGreaterThanOrEqual(8);
    }
    // The cluster grows: the same months a year apart, the later year has more postings and courses.
    const yearOnYear = (dates: Date[]) => {
      const months = dates.map(month);
      const earliest = month(first);
      const yearBefore = (m: string) => `${Number(m.slice(0, 4)) - 1}${m.slice(4)}`;
      const recent = months.filter((m) => yearBefore(m) >= earliest);
      return [recent.length, months.filter((m) => recent.some((r) => yearBefore(r) === m)).length];
    };
    const [needsNow, needsBefore] = yearOnYear(p.needs.map((n) => n.publishedAt));
    expect(needsNow).toBeGreaterThan(needsBefore!);
    const [heldNow, heldBefore] = yearOnYear(held.map((s) => s.startsAt));
    expect(heldNow).toBeGreaterThan(heldBefore!);
  });

  it.each(PLANS)('keeps everything before $now, and every story ended', ({ now, plan: p }) => {
    const moments = [
      ...p.needs.flatMap((n) => [n.createdAt, n.publishedAt, n.endedAt, n.filledAt]),
      ...p.applications.flatMap((a) => a.events.map((e) => e.at)),
      ...p.bookings.flatMap((b) => [b.confirmedAt, b.cancelledAt]),
      ...p.proposals.flatMap((x) => [x.createdAt, x.decidedAt, x.match?.matchedAt]),
      ...p.sessions.flatMap((s) => [s.endsAt, s.cancelledAt, s.decisionAt]),
      ...p.offers.flatMap((o) => [o.createdAt, o.publishedAt, o.archivedAt]),
      ...[...p.users.values()],
      ...[...p.organisations.values()].flatMap((o) => [o.createdAt, o.verifiedAt]),
    ].filter((m): m is Date => m instanceof Date);
    expect(moments.filter((m) => m >= now)).toEqual([]);
    for (const n of p.needs) {
      expect(n.createdAt < n.publishedAt && n.publishedAt < n.endedAt, n.title).toBe(true);
      if (n.filledAt) expect(n.filledAt > n.endedAt && n.state === 'FILLED', n.title).toBe(true);
    }
  });

  it.each(PLANS)('posts in the seasons, never in July or at Christmas ($now)', ({ plan: p }) => {
    const monthOf = (n: { publishedAt: Date }) => Number(helsinkiDate(n.publishedAt).slice(5, 7));
    const kinds = (kind: string) => p.needs.filter((n) => n.kind === kind).map(monthOf);
    expect(kinds('SUMMER_JOB').every((m) => m >= 1 && m <= 4)).toBe(true);
    expect(kinds('INTERNSHIP').every((m) => (m >= 2 && m <= 5) || (m >= 9 && m <= 11))).toBe(true);
    expect(kinds('THESIS').every((m) => m <= 2 || (m >= 9 && m <= 11))).toBe(true);
    for (const { what, at } of humanMoments(p))
      expect(isOfficeDay(helsinkiDate(at)), `${what} ${toHelsinki(at)}`).toBe(true);
    for (const s of p.sessions) {
      const md = helsinkiDate(s.startsAt).slice(5);
      expect(md < '06-19' || md > '08-07', toHelsinki(s.startsAt)).toBe(true);
      expect(md < '12-20' && md > '01-06', toHelsinki(s.startsAt)).toBe(true);
    }
  });

  it.each(PLANS)('happens at office hours in Helsinki, students also in the evening ($now)', ({ plan: p }) => {
    for (const { what, at, student } of humanMoments(p)) {
      const m = minutes(at);
      expect(m >= 8 * 60 && m <= (student ? 22 * 60 : 16 * 60 + 30), `${what} ${toHelsinki(at)}`).toBe(true);
    }
  });

  it.each(PLANS)('takes applications through the allowed moves, and fills what it says ($now)', ({ plan: p }) => {
    const needs = new Map(p.needs.map((n) => [n.id, n]));
    const accepted = new Map<string, number>();
    for (const a of p.applications) {
      const need = needs.get(a.needId)!;
      expect(a.events[0]).toMatchObject({ from: null, to: 'SUBMITTED', actor: a.student });
      expect(a.events[0]!.at > need.publishedAt).toBe(true);
      for (const [i, e] of a.events.slice(1).entries()) {
        const before = a.events[i]!;
        expect(e.from).toBe(before.to);
        expect(e.at >= before.at).toBe(true);
        if (e.actor === null) {
          // The system turns down the rest when the last position is filled.
          expect([e.to, e.reason, need.state]).toEqual(['REJECTED', NEED_FILLED_REASON, 'FILLED']);
        } else {
          const rule = Object.values(APPLICATION_TRANSITIONS).find((r) => r.to === e.to)!;
          expect(rule.from as readonly ApplicationState[]).toContain(e.from);
          expect(e.actor === a.student ? 'APPLICANT' : 'ORGANISATION').toBe(rule.by);
          if (rule.by === 'ORGANISATION') expect(e.actor).toBe(need.by);
        }
      }
      const last = a.events[a.events.length - 1]!.to;
      expect(['ACCEPTED', 'DECLINED', 'REJECTED', 'WITHDRAWN']).toContain(last);
      if (last === 'ACCEPTED') accepted.set(a.needId, (accepted.get(a.needId) ?? 0) + 1);
    }
    for (const n of p.needs.filter((x) => x.kind !== 'COURSE')) {
      const filledAt = n.filledAt ?? n.endedAt;
      if (n.state === 'FILLED') {
        expect(accepted.get(n.id), n.title).toBe(n.positions);
        const acceptances = p.applications
          .filter((a) => a.needId === n.id)
          .flatMap((a) => a.events.filter((e) => e.to === 'ACCEPTED').map((e) => e.at.getTime()));
        expect(Math.max(...acceptances)).toBe(filledAt.getTime());
      } else {
        expect(accepted.get(n.id) ?? 0, n.title).toBeLessThan(n.positions);
      }
    }
    expect([...accepted.values()].reduce((s, n) => s + n, 0)).toBeGreaterThanOrEqual(20);
  });

  it.each(PLANS)(
    'books sessions within their seats, and cancels those short of their minimum ($now)',
    ({ plan: p }) => {
      for (const s of p.sessions) {
        const own = p.bookings.filter((b) => b.sessionId === s.id);
        const confirmed = own.filter((b) => !b.cancelledAt);
        expect(s.seatsTaken).toBe(confirmed.reduce((sum, b) => sum + b.seats, 0));
        expect(s.seatsTaken).toBeLessThanOrEqual(s.seats);
        expect(new Set(own.map((b) => b.by)).size).toBe(own.length);
        for (const b of own) {
          expect(b.participants).toHaveLength(b.seats);
          expect(b.confirmedAt < (s.cancelledAt ?? s.registrationDeadline)).toBe(true);
        }
        if (s.cancelledAt) {
          expect(s.cancelledAt > s.decisionAt!).toBe(true);
          expect(own.every((b) => b.cancelReason === 'MINIMUM_NOT_REACHED')).toBe(true);
          expect(own.reduce((sum, b) => sum + b.seats, 0)).toBeLessThan(s.minParticipants!);
        } else if (s.minParticipants !== null) {
          expect(s.seatsTaken).toBeGreaterThanOrEqual(s.minParticipants);
        }
        const marks = confirmed.flatMap((b) => b.participants.map((x) => x.attended));
        if (!s.cancelledAt) expect(new Set(marks.map((m) => m === null)).size).toBeLessThanOrEqual(1);
      }
      const held = p.sessions.filter((s) => !s.cancelledAt);
      expect(p.sessions.some((s) => s.cancelledAt)).toBe(true);
      const marked = p.bookings.flatMap((b) => b.participants).filter((x) => x.attended !== null);
      const rate = marked.filter((x) => x.attended).length / marked.length;
      expect(rate).toBeGreaterThan(0.8);
      expect(rate).toBeLessThan(0.97);
      expect(held.length).toBeGreaterThanOrEqual(40);
    },
  );

  it.each(PLANS)(
    'is busiest around Rovaniemi, Kemi and Tornio, with real activity in the small municipalities ($now)',
    ({ plan: p }) => {
      const core = new Set(['698', '240', '851']);
      const places = [...p.needs.map((n) => n.municipalityCode), ...p.sessions.map((s) => s.municipalityCode)].filter(
        (c): c is string => c !== null,
      );
      const counts = new Map<string, number>();
      for (const c of places) counts.set(c, (counts.get(c) ?? 0) + 1);
      const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3);
      expect(top.filter(([c]) => core.has(c)).length).toBeGreaterThanOrEqual(2);
      expect(places.filter((c) => core.has(c)).length / places.length).toBeGreaterThan(0.35);
      const small = ['732', '854', '148', '261', '614', '683'].filter((c) => (counts.get(c) ?? 0) >= 2);
      expect(small.length).toBeGreaterThanOrEqual(5);
    },
  );

  it.each(PLANS)(
    'makes matches every way: proposals, applications and bookings for course needs ($now)',
    ({ plan: p }) => {
      const needs = new Map(p.needs.map((n) => [n.id, n]));
      const proposed = p.proposals.filter((x) => x.match);
      expect(proposed.length).toBeGreaterThanOrEqual(5);
      for (const x of proposed) {
        const need = needs.get(x.needId)!;
        expect(x.match!.matchedAt > need.publishedAt && x.match!.matchedAt < need.endedAt).toBe(true);
        expect(x.match!.minutesToMatch).toBe(
          Math.floor((x.match!.matchedAt.getTime() - need.publishedAt.getTime()) / 60_000),
        );
        expect([x.needAnswer, x.targetAnswer, x.state]).toEqual(['ACCEPTED', 'ACCEPTED', 'ACCEPTED']);
      }
      const forNeeds = p.bookings.filter((b) => b.needId);
      expect(forNeeds.length).toBeGreaterThanOrEqual(5);
      for (const b of forNeeds) {
        const need = needs.get(b.needId!)!;
        expect([need.kind, need.by, b.by]).toEqual(['COURSE', b.by, need.by]);
        expect(b.confirmedAt > need.publishedAt && !b.cancelledAt).toBe(true);
      }
      // The demo entrepreneur's past is course needs answered by bookings only; the demo student has none.
      const entrepreneur = p.needs.filter((n) => n.by === 'entrepreneur');
      expect(entrepreneur.every((n) => n.kind === 'COURSE')).toBe(true);
      expect(p.proposals.some((x) => needs.get(x.needId)!.by === 'entrepreneur')).toBe(false);
      expect(p.applications.some((a) => a.student === 'student')).toBe(false);
      expect(p.bookings.some((b) => b.by === 'student')).toBe(false);
    },
  );

  it.each(PLANS)('lets companies join over time, each active only after joining ($now)', ({ plan: p }) => {
    const verified = [...p.organisations.values()].map((o) => o.verifiedAt).filter((v): v is Date => v !== null);
    expect(new Set(verified.map(month)).size).toBeGreaterThanOrEqual(8);
    for (const [key, o] of p.organisations) {
      if (o.verifiedAt) expect(o.verifiedAt > o.createdAt).toBe(true);
      expect(p.users.get(key)! <= o.createdAt).toBe(true);
      const acts = [
        ...p.needs.filter((n) => n.by === key).map((n) => n.publishedAt),
        ...p.bookings.filter((b) => b.by === key).map((b) => b.confirmedAt),
      ];
      expect(
        acts.every((at) => at > o.createdAt),
        key,
      ).toBe(true);
    }
    for (const key of Object.keys(COMPANY_PROFILES)) expect(p.organisations.has(key), key).toBe(true);
    for (const s of DEMO_STUDENTS) {
      const first = p.applications.filter((a) => a.student === s.key).map((a) => a.events[0]!.at);
      expect(
        first.every((at) => at > p.users.get(s.key)!),
        s.key,
      ).toBe(true);
    }
  });
});

describe('the plan’s Helsinki clock', () => {
  it('agrees with the app’s time zone handling by day, across summer time', () => {
    for (let day = '2025-01-01'; day <= '2027-12-31'; day = addDays(day, 1)) {
      for (const m of [0, 8 * 60, 12 * 60 + 30, 16 * 60 + 30, 21 * 60 + 59]) {
        const local = `${day}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        expect(helsinkiClock(day, m).getTime(), local).toBe(fromHelsinki(local).getTime());
        expect(helsinkiDay(fromHelsinki(local)), local).toBe(day);
      }
    }
  });
});
