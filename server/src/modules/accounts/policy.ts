/** Who may do what with accounts. Each rule is one line; resolvers and services ask here. */
import { hasRole, type Viewer } from '../../lib/viewer.js';

export const accountPolicy = {
  listUsers: (viewer: Viewer | null) => hasRole(viewer, 'ADMIN'),
  setRoles: (viewer: Viewer | null) => hasRole(viewer, 'ADMIN'),
};
