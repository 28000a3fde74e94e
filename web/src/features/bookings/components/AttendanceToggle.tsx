import { useState } from 'react';
import { Checkbox } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { CheckboxMark } from '../../../shared/forms';
import { toAppError, type AppError } from '../../../shared/graphql';
import { ErrorAlert } from '../../../shared/ui';
import { useErased } from '../../../shared/utils/erased';
import { MarkAttendanceMutation, type Participant } from '../operations';

/**
 * Whether a participant came. The box shows the saved answer at once and goes back if saving
 * fails; "not marked yet" is told apart from "did not attend".
 */
export function AttendanceToggle({ participant, isDisabled }: { participant: Participant; isDisabled?: boolean }) {
  const { t } = useTranslation();
  const erased = useErased();
  const [, markAttendance] = useMutation(MarkAttendanceMutation);
  const [attended, setAttended] = useState(participant.attended);
  const [error, setError] = useState<AppError | null>(null);

  const change = async (selected: boolean) => {
    const before = attended;
    setAttended(selected);
    setError(null);
    const result = await markAttendance({ participantId: participant.id, attended: selected });
    if (result.error) {
      setAttended(before);
      setError(toAppError(result.error));
    } else setAttended(result.data?.markAttendance.attended ?? selected);
  };

  return (
    <div className="attendance">
      <Checkbox
        className="checkbox"
        // The visible label, then whose attendance it is: a list of them reads unambiguously.
        aria-label={t('bookings.manage.attendedOf', { name: erased.name(participant.name) })}
        isSelected={attended === true}
        isDisabled={isDisabled}
        onChange={(selected) => void change(selected)}
      >
        <CheckboxMark />
        <span>{t('bookings.manage.attended')}</span>
      </Checkbox>
      <span className="muted attendance__state">
        {attended === null ? t('bookings.manage.notMarked') : attended ? null : t('bookings.manage.absent')}
      </span>
      <ErrorAlert error={error} />
    </div>
  );
}
