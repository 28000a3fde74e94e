/**
 * Needs: what an entrepreneur wants, training (COURSE) or a person for a placement, from draft to
 * open, filled, closed or expired. Open placements are kept in the search index. Depends on
 * accounts, organisations (the company a need is posted for) and search.
 *
 * Needs knows nothing of applications: editing a need's positions asks the applications module
 * through the `NeedHiring` port, which applications fills in when it resolves `updateNeed`.
 */
export { default as needsGraphql } from './resolvers.js';
export {
  createNeed,
  closeNeed,
  lockNeed,
  markNeedFilled,
  publishNeed,
  updateNeed,
  type NeedHiring,
} from './commands.js';
export { getNeed, mayManageNeed, myNeeds, needIdsManagedBy, needsByIds, openCourseNeeds } from './queries.js';
export { expireNeeds } from './jobs.js';
export { presentNeed, type NeedDto } from './presenter.js';
export { closableNeedsCount, closeNeedsOf } from './erasure.js';
