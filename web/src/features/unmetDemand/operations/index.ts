import type { NeedKind } from '@keskusvaraamo/shared';
import { gql } from '../../../shared/graphql/document';

/** An open need shown as an example of unmet demand (open needs are public). */
export interface UnmetDemandExample {
  id: string;
  title: string;
  organisation: { id: string; name: string } | null;
}

/** Open needs of one kind, topic and municipality that nothing published answers. */
export interface UnmetDemand {
  kind: NeedKind;
  topic: string;
  /** Null: the needs accept remote work or online courses only. */
  municipalityCode: string | null;
  needs: number;
  /** People wanting the course, or positions to fill. */
  people: number;
  companies: number;
  /** When the oldest of these needs was published (an instant). */
  waitingSince: string;
  /** Up to five of the needs, oldest first. */
  examples: UnmetDemandExample[];
}

/** The server's own bound: it answers at most this many rows. */
export const UNMET_DEMAND_MAX = 100;

/** Educators and coordinators: leads for new courses and student pools, largest first. */
export const UnmetDemandQuery = gql<{ unmetDemand: UnmetDemand[] }, { limit: number }>(
  `query UnmetDemand($limit: Int) {
    unmetDemand(limit: $limit) {
      kind topic municipalityCode needs people companies waitingSince
      examples { id title organisation { id name } }
    }
  }`,
);
