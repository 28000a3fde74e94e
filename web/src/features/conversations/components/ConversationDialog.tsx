import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ConversationSubject } from '../operations';
import { ConversationView } from './ConversationView';

interface ConversationDialogProps {
  subject: ConversationSubject;
  /** The dialog's heading, e.g. "Conversation: Sanni Säkkinen". */
  title: string;
  /** The button's text ("Messages" unless given). */
  buttonLabel?: string;
  /** Added to the button's name for screen readers where several are listed: whose conversation. */
  context?: string;
  className?: string;
}

/** A button that opens a conversation in a dialog: on an applicant's card, a booking, a participant. */
export function ConversationDialog({
  subject,
  title,
  buttonLabel,
  context,
  className = 'button button--secondary',
}: ConversationDialogProps) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button className={className}>
        {buttonLabel ?? t('conversations.open')}
        {context ? <span className="visually-hidden">: {context}</span> : null}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal modal--wide">
          <Dialog className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title" className="dialog__title">
                  {title}
                </Heading>
                <ConversationView subject={subject} />
                <div className="dialog__actions">
                  <Button className="button button--secondary" onPress={close}>
                    {t('common.close')}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
