import { useMemo } from 'react';
import { useQuery } from 'urql';
import { MyEducationalOrganisationsQuery } from '../operations';
import type { EducationalOrganisation } from './OfferForm';

/** The educational organisations and training bodies the user belongs to: whom they publish for. */
export function useEducationalOrganisations() {
  const [{ data, error }] = useQuery({ query: MyEducationalOrganisationsQuery });
  const organisations = useMemo<EducationalOrganisation[] | null>(
    () =>
      data?.me
        ? data.me.memberships
            .filter((m) => m.organisation.kind === 'EDUCATIONAL' || m.organisation.kind === 'TRAINING_BODY')
            .map((m) => ({ id: m.organisation.id, name: m.organisation.name }))
        : null,
    [data],
  );
  return { organisations, error };
}
