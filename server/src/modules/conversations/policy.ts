/**
 * Who may read and write a conversation. `party`: the viewer is one of its subject's parties (the
 * student and the need's side of an application; the booker and the course's organisation of a
 * booking; both sides and the proposer of a proposal). Coordinators broker and moderate, so they
 * read and write in every thread; nobody else learns that a thread exists.
 */
import { hasRole, type Viewer } from '../../lib/viewer.js';

export const conversationPolicy = {
  read: (viewer: Viewer | null, party: boolean) => !!viewer && (party || hasRole(viewer, 'COORDINATOR')),
  write: (viewer: Viewer | null, party: boolean) => !!viewer && (party || hasRole(viewer, 'COORDINATOR')),
};
