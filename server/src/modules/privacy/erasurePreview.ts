/**
 * What deleting an account will do, shown before it is done (the schema's ErasurePreview): the
 * blockers to resolve first, and how many bookings, applications, needs, memberships and messages
 * it will touch. The person's own, or anyone's for an admin.
 */
import type { ErasureBlocker } from '@keskusvaraamo/shared';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { AppError, forbidden, notFound, unauthenticated } from '../../errors.js';
import { assertId } from '../../lib/ids.js';
import type { Viewer } from '../../lib/viewer.js';
import { erasableAccount } from '../accounts/index.js';
import { openApplicationsCount } from '../applications/index.js';
import { futureBookingsCount } from '../bookings/index.js';
import { messagesToEraseOf } from '../conversations/index.js';
import { closableNeedsCount } from '../needs/index.js';
import { membershipCount, ownershipBlockers, type OwnershipBlocker } from '../organisations/index.js';
import { privacyPolicy as policy } from './policy.js';

export interface ErasureBlockerDto {
  reason: ErasureBlocker;
  organisationId: string;
  organisationName: string;
}

export interface ErasurePreviewDto {
  blockers: ErasureBlockerDto[];
  bookingsToCancel: number;
  applicationsToWithdraw: number;
  needsToClose: number;
  organisationsToLeave: number;
  messagesToErase: number;
}

export const blockerItems = (blockers: OwnershipBlocker[]): ErasureBlockerDto[] =>
  blockers.map((b) => ({ reason: 'LAST_OWNER', ...b }));

/** Deletion refused until each blocker is resolved; the blockers travel in the error's extensions. */
export const erasureBlocked = (blockers: OwnershipBlocker[]) =>
  new AppError('ERASURE_BLOCKED', 'Transfer the ownership of these organisations first', {
    blockers: blockerItems(blockers),
  });

/** The preview's figures for one account (no access check: the use cases below do it). */
export async function previewOf(db: Database, userId: string): Promise<ErasurePreviewDto> {
  const [blockers, bookingsToCancel, applicationsToWithdraw, needsToClose, organisationsToLeave, messagesToErase] =
    await Promise.all([
      ownershipBlockers(db, userId),
      futureBookingsCount(db, userId),
      openApplicationsCount(db, userId),
      closableNeedsCount(db, userId),
      membershipCount(db, userId),
      messagesToEraseOf(db, userId),
    ]);
  return {
    blockers: blockerItems(blockers),
    bookingsToCancel,
    applicationsToWithdraw,
    needsToClose,
    organisationsToLeave,
    messagesToErase,
  };
}

/** The signed-in person's own preview, or (admins) another person's. */
export async function erasurePreview(
  deps: Deps,
  viewer: Viewer | null,
  userId: string | null | undefined,
): Promise<ErasurePreviewDto> {
  if (!viewer) throw unauthenticated();
  const target = userId ? assertId(userId, 'No such user') : viewer.id;
  if (!policy.previewErasure(viewer, target)) throw forbidden();
  const account = await erasableAccount(deps.db, target);
  if (!account) throw notFound('No such user');
  return previewOf(deps.db, target);
}
