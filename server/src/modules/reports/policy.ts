/**
 * Who may read which report. The coordinator's report is the cluster staff's working tool (it
 * shows companies' activity by place): coordinators only, not admins (operators), whose role is
 * users and roles. Unmet demand is for coordinators and educators, as leads for new courses; it
 * shows open needs, which are public anyway, and counts. The public results are for everyone.
 */
import { hasRole, type Viewer } from '../../lib/viewer.js';

export const reportPolicy = {
  readReport: (viewer: Viewer | null) => hasRole(viewer, 'COORDINATOR'),
  readUnmetDemand: (viewer: Viewer | null) => hasRole(viewer, 'COORDINATOR') || hasRole(viewer, 'EDUCATOR'),
  readPublicResults: (_viewer: Viewer | null) => true,
};
