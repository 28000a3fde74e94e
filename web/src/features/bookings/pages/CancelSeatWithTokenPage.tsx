import { useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { CancelWithToken } from '../components/CancelWithToken';
import { CancelParticipantWithTokenMutation } from '../operations';

/**
 * The link in a named participant's own confirmation e-mail: cancels their seat only, not the
 * others' on the same booking, once the reader confirms.
 */
export function CancelSeatWithTokenPage() {
  const token = useSearchParams()[0].get('token') ?? '';
  const [{ data, fetching }, cancelWithToken] = useMutation(CancelParticipantWithTokenMutation);
  return (
    <CancelWithToken
      texts="cancelSeatLink"
      token={token}
      cancelled={data?.cancelParticipantWithToken}
      fetching={fetching}
      onCancel={async () => {
        const result = await cancelWithToken({ token });
        return result.error ? toAppError(result.error) : null;
      }}
    />
  );
}
