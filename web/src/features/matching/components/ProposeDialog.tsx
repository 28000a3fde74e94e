import { zodResolver } from '@hookform/resolvers/zod';
import { PROPOSAL_NOTE_MAX, type ProposalTargetKind } from '@keskusvaraamo/shared';
import { useEffect, useRef, useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { z } from 'zod';
import { FormErrorSummary, FormTextField, useSubmitError } from '../../../shared/forms';
import { ProposeMatchMutation, type Match, type Proposal } from '../operations';

export const noteSchema = z.object({
  note: z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(PROPOSAL_NOTE_MAX, { error: 'validation.tooLong' }),
});
type NoteValues = z.input<typeof noteSchema>;
type NoteOutput = z.output<typeof noteSchema>;

/** What a proposal is made of: the need, and the course, session or student it is matched with. */
export interface ProposeTarget {
  needId: string;
  needTitle: string;
  targetKind: ProposalTargetKind;
  targetId: string;
  targetTitle: string;
}

/** The proposal's target from a need's suggestion: OFFER, SESSION or STUDENT, as the match's kind. */
export function targetOfMatch(needId: string, needTitle: string, match: Match): ProposeTarget | null {
  if (match.kind === 'NEED') return null;
  return { needId, needTitle, targetKind: match.kind, targetId: match.id, targetTitle: match.title };
}

const TARGET_ID = { OFFER: 'offerId', SESSION: 'sessionId', STUDENT: 'studentId' } as const;

/**
 * A button opening a dialog that asks for a note to both sides and proposes the match. The
 * dialog then says it was sent, with a link to the proposal.
 */
export function ProposeButton({
  target,
  label,
  context,
  onProposed,
}: {
  target: ProposeTarget;
  label: string;
  /** Added for screen readers to the button's name where there are several (default: the target's title). */
  context?: string;
  onProposed?: (proposal: Proposal) => void;
}) {
  return (
    <DialogTrigger>
      <Button className="button button--secondary">
        {label}
        <span className="visually-hidden">: {context ?? target.targetTitle}</span>
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => <ProposeForm target={target} close={close} onProposed={onProposed} />}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

function ProposeForm({
  target,
  close,
  onProposed,
}: {
  target: ProposeTarget;
  close: () => void;
  onProposed?: (proposal: Proposal) => void;
}) {
  const { t } = useTranslation();
  const [, propose] = useMutation(ProposeMatchMutation);
  const [proposed, setProposed] = useState<Proposal | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useForm<NoteValues, unknown, NoteOutput>({
    resolver: zodResolver(noteSchema),
    defaultValues: { note: '' },
  });
  const submission = useSubmitError(form);
  const values = { need: target.needTitle, target: target.targetTitle };

  // The confirmation is announced by moving focus to its heading.
  useEffect(() => {
    if (proposed) headingRef.current?.focus();
  }, [proposed]);

  const submit = form.handleSubmit(async ({ note }) => {
    submission.clear();
    const result = await propose({
      input: {
        needId: target.needId,
        targetKind: target.targetKind,
        [TARGET_ID[target.targetKind]]: target.targetId,
        note,
      },
    });
    if (result.error) {
      submission.report(result.error);
      return;
    }
    if (result.data) {
      setProposed(result.data.proposeMatch);
      onProposed?.(result.data.proposeMatch);
    }
  });

  if (proposed) {
    return (
      <>
        <Heading slot="title" className="dialog__title" ref={headingRef} tabIndex={-1}>
          {t('proposals.propose.doneTitle')}
        </Heading>
        <div className="dialog__body">
          <p>{t('proposals.propose.doneBody', values)}</p>
        </div>
        <div className="dialog__actions">
          <Link className="button button--secondary" to={`/proposals/${proposed.id}`}>
            {t('proposals.propose.viewProposal')}
          </Link>
          <Button className="button button--primary" onPress={close}>
            {t('common.close')}
          </Button>
        </div>
      </>
    );
  }

  return (
    <>
      <Heading slot="title" className="dialog__title">
        {t('proposals.propose.title')}
      </Heading>
      <div className="dialog__body">
        <p>{t('proposals.propose.body', values)}</p>
      </div>
      <form className="form" noValidate onSubmit={submit}>
        <FormErrorSummary submission={submission} />
        <FormTextField
          control={form.control}
          name="note"
          label={t('proposals.propose.note')}
          description={t('proposals.propose.noteHelp')}
          isRequired
          multiline
        />
        <div className="dialog__actions">
          <Button className="button button--secondary" onPress={close} isDisabled={form.formState.isSubmitting}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" className="button button--primary" isPending={form.formState.isSubmitting}>
            {t('proposals.propose.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
