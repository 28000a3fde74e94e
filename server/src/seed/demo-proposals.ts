/**
 * Demo brokering, through the proposal use cases as the demo accounts: the coordinator proposes Lapin
 * AMK's courses for Tunturienergia's solar and battery training. The solar course was proposed
 * when the need had waited twelve days, and both sides have accepted: a match made. The micro-grid
 * course waits for the entrepreneur's answer, with a note from the coordinator in its conversation.
 * A few course needs were posted weeks ago and still have no match, so the coordinator's queue has
 * something in it; the hot-work card needs around Salla and Kemi–Tornio form demand pools.
 */
import { eq, sql } from 'drizzle-orm';
import type { Deps } from '../deps.js';
import { sendMessage } from '../modules/conversations/index.js';
import { needs } from '../modules/needs/tables.js';
import { courseSessions, offers } from '../modules/offers/tables.js';
import { acceptProposal, proposeMatch } from '../modules/proposals/index.js';
import type { DemoAccount } from './marketplace.js';

export interface DemoProposal {
  /** The need, by its demo key. */
  need: string;
  /** The course, by title; its first session when `session` is set. */
  course: string;
  session?: boolean;
  note: string;
  /** The need had waited this many days when it was proposed. */
  waitedDays?: number;
  /** Who accepts, in turn. */
  acceptedBy: string[];
  /** Messages in the proposal's conversation. */
  messages?: { by: string; body: string }[];
}

export const DEMO_PROPOSALS: DemoProposal[] = [
  {
    need: 'tunturi-solar',
    course: 'Aurinkosähköjärjestelmien suunnittelu ja asennus',
    session: true,
    waitedDays: 12,
    note:
      'Lapin AMK:n kolmen päivän aurinkosähkökurssi Rovaniemellä käy läpi mitoituksen, asennuksen ja ' +
      'käyttöönoton, ja siinä on myös akkuvarastojen kytkentää. Kurssi sopisi molemmille uusille asentajillenne.',
    acceptedBy: ['educator', 'entrepreneur'],
  },
  {
    need: 'tunturi-solar',
    course: 'Älykkäät mikroverkot ja energian varastointi maaseudulla',
    note:
      'Akkuvarastoja varten kannattaa katsoa myös tätä mikroverkkokurssia: se syventää varastoinnin ohjausta ' +
      'ja mitoitusta. Kevään toteutus on täynnä, mutta Lapin AMK voi järjestää syksyllä uuden.',
    acceptedBy: ['educator'],
    messages: [
      {
        by: 'coordinator',
        body:
          'Hei Juha! Lapin AMK suunnittelee syksylle uutta mikroverkkototeutusta. Jos hyväksytte ehdotuksen, ' +
          'Elina lupasi varata teille kaksi paikkaa ennen kuin ilmoittautuminen avautuu.',
      },
    ],
  },
];

/** Course needs posted weeks ago that have had no match: the coordinator's queue. Posters' keys and topic, with days waited. */
export const DEMO_WAITING: { by: string; topic: string; days: number }[] = [
  { by: 'entrepreneur', topic: 'hot-work-card', days: 24 },
  { by: 'tornionlaakso', topic: 'hot-work-card', days: 19 },
  { by: 'pello', topic: 'pellets', days: 16 },
];

/** Moves a need's posting back in time, as if it had been published `days` ago. */
async function postedDaysAgo(deps: Deps, needId: string, days: number) {
  const then = sql`now() - make_interval(days => ${days})`;
  await deps.db.update(needs).set({ publishedAt: then, createdAt: then, updatedAt: then }).where(eq(needs.id, needId));
}

export async function seedProposals(
  deps: Deps,
  accounts: Map<string, DemoAccount>,
  needIds: Map<string, string>,
): Promise<number> {
  const viewer = (key: string) => {
    const account = accounts.get(key);
    if (!account) throw new Error(`Demo data: no account ${key}`);
    return account.viewer;
  };
  for (const waiting of DEMO_WAITING) {
    const [need] = await deps.db
      .select({ id: needs.id })
      .from(needs)
      .where(
        sql`${needs.postedBy} = ${viewer(waiting.by).id} and ${needs.kind} = 'COURSE' and ${needs.state} = 'OPEN' and ${waiting.topic} = any(${needs.topics})`,
      );
    if (!need) throw new Error(`Demo data: ${waiting.by} has no open ${waiting.topic} course need`);
    await postedDaysAgo(deps, need.id, waiting.days);
  }

  for (const [i, demo] of DEMO_PROPOSALS.entries()) {
    try {
      const needId = needIds.get(demo.need);
      if (!needId) throw new Error(`no need ${demo.need}`);
      if (demo.waitedDays) await postedDaysAgo(deps, needId, demo.waitedDays);
      const [target] = await deps.db
        .select({ offerId: offers.id, sessionId: courseSessions.id })
        .from(offers)
        .innerJoin(courseSessions, eq(courseSessions.offerId, offers.id))
        .where(eq(offers.title, demo.course))
        .orderBy(courseSessions.startsAt)
        .limit(1);
      if (!target) throw new Error(`no course "${demo.course}"`);
      const proposal = await proposeMatch(deps, viewer('coordinator'), {
        needId,
        ...(demo.session
          ? { targetKind: 'SESSION', sessionId: target.sessionId }
          : { targetKind: 'OFFER', offerId: target.offerId }),
        note: demo.note,
      });
      for (const key of demo.acceptedBy) await acceptProposal(deps, viewer(key), proposal.id);
      for (const message of demo.messages ?? []) {
        await sendMessage(deps, viewer(message.by), 'PROPOSAL', proposal.id, { body: message.body });
      }
    } catch (error) {
      throw new Error(`Demo data: proposal ${i} (${demo.need} ↔ "${demo.course}"): ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  return DEMO_PROPOSALS.length;
}
