import { useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { CancelWithToken } from '../components/CancelWithToken';
import { CancelBookingWithTokenMutation } from '../operations';

/** The link in a booking confirmation e-mail: cancels the whole booking, once the reader confirms. */
export function CancelBookingWithTokenPage() {
  const token = useSearchParams()[0].get('token') ?? '';
  const [{ data, fetching }, cancelWithToken] = useMutation(CancelBookingWithTokenMutation);
  return (
    <CancelWithToken
      texts="cancelLink"
      token={token}
      cancelled={data?.cancelBookingWithToken}
      fetching={fetching}
      onCancel={async () => {
        const result = await cancelWithToken({ token });
        return result.error ? toAppError(result.error) : null;
      }}
    />
  );
}
