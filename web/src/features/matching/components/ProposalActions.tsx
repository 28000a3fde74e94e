import type { ProposalAction } from '@keskusvaraamo/shared';
import { useState } from 'react';
import { Button, DialogTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, type CombinedError } from 'urql';
import { toAppError, type AppError } from '../../../shared/graphql';
import { ConfirmDialog, ErrorAlert } from '../../../shared/ui';
import { useErased } from '../../../shared/utils/erased';
import {
  AcceptProposalMutation,
  DeclineProposalMutation,
  targetTitleOf,
  WithdrawProposalMutation,
  type Proposal,
} from '../operations';

const ORDER: readonly ProposalAction[] = ['ACCEPT', 'DECLINE', 'WITHDRAW'];

type ChangeResult = Promise<{ error?: CombinedError; data?: Record<string, Proposal> }>;

/** Accept, decline or withdraw a proposal, as its `actions` allow, each confirmed first. */
export function ProposalActions({
  proposal,
  onChanged,
  context,
}: {
  proposal: Pick<Proposal, 'id' | 'actions' | 'need' | 'target'>;
  onChanged: (proposal: Proposal, message: string) => void;
  /** Added for screen readers to each button's name where several proposals are listed. */
  context?: string;
}) {
  const { t } = useTranslation();
  const erased = useErased();
  const [, accept] = useMutation(AcceptProposalMutation);
  const [, decline] = useMutation(DeclineProposalMutation);
  const [, withdraw] = useMutation(WithdrawProposalMutation);
  const [error, setError] = useState<AppError | null>(null);
  const actions = ORDER.filter((action) => proposal.actions.includes(action));
  if (actions.length === 0) return null;
  const values = { need: proposal.need.title, target: erased.name(targetTitleOf(proposal.target, t)) };
  const changes: Record<ProposalAction, () => ChangeResult> = {
    ACCEPT: () => accept({ id: proposal.id }),
    DECLINE: () => decline({ id: proposal.id }),
    WITHDRAW: () => withdraw({ id: proposal.id }),
  };

  const run = async (action: ProposalAction) => {
    setError(null);
    const result = await changes[action]();
    if (result.error) {
      setError(toAppError(result.error));
      return false;
    }
    const updated = result.data ? Object.values(result.data)[0] : undefined;
    if (updated) onChanged(updated, t(`proposals.actions.${action}.done`, values));
    return true;
  };

  return (
    <div className="button-row">
      {actions.map((action) => (
        <DialogTrigger key={action} onOpenChange={() => setError(null)}>
          <Button className={action === 'ACCEPT' ? 'button button--primary' : 'button button--danger-outline'}>
            {t(`proposals.actions.${action}.button`)}
            {context ? <span className="visually-hidden">: {context}</span> : null}
          </Button>
          <ConfirmDialog
            title={t(`proposals.actions.${action}.title`)}
            confirmLabel={t(`proposals.actions.${action}.button`)}
            tone={action === 'ACCEPT' ? 'primary' : 'danger'}
            onConfirm={() => run(action)}
            footer={<ErrorAlert error={error} />}
          >
            <p>{t(`proposals.actions.${action}.body`, values)}</p>
          </ConfirmDialog>
        </DialogTrigger>
      ))}
    </div>
  );
}
