import { useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { LegalInfoQuery } from '../operations';

/** The operator's details and the retention periods; the same for everyone, so cached once. */
export function useLegalInfo() {
  const [{ data, fetching, error }] = useQuery({
    query: LegalInfoQuery,
    variables: {},
    requestPolicy: 'cache-first',
  });
  return { info: data?.legalInfo ?? null, fetching, error: error ? toAppError(error) : null };
}
