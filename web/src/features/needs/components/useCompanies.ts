import { useMemo } from 'react';
import { useQuery } from 'urql';
import { MyCompaniesQuery } from '../operations';
import type { Company } from './NeedWizard';

/** The companies the signed-in user belongs to: whom they may post a need for. */
export function useCompanies(): { companies: Company[] | null; error: ReturnType<typeof useQuery>[0]['error'] } {
  const [{ data, error }] = useQuery({ query: MyCompaniesQuery });
  const companies = useMemo(
    () =>
      data?.me
        ? data.me.memberships
            .filter((m) => m.organisation.kind === 'COMPANY')
            .map((m) => ({ id: m.organisation.id, name: m.organisation.name }))
        : null,
    [data],
  );
  return { companies, error };
}
