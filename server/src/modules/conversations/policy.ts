/**
 * Who may read and write a conversation. `party`: the viewer is one of its subject's parties (the
 * student and the need's side of an application; the booker and the course's organisation of a
 * booking; both sides and the proposer of a proposal). Coordinators broker and moderate, so they
 * read and write in every thread; nobody else learns that a thread exists.
 */
import type { UserRole } from '@keskusvaraamo/shared';
import { hasRole, type Viewer } from '../../lib/viewer.js';

export const conversationPolicy = {
  read: (viewer: Viewer | null, party: boolean) => !!viewer && (party || hasRole(viewer, 'COORDINATOR')),
  write: (viewer: Viewer | null, party: boolean) => !!viewer && (party || hasRole(viewer, 'COORDINATOR')),
  /**
   * Whether someone who wrote in a thread but is no longer one of its parties still reads along (and
   * is told of new messages): a coordinator does; a former colleague of the company does not.
   */
  readsAlong: (person: { roles: readonly UserRole[] }) => person.roles.includes('COORDINATOR'),
};
