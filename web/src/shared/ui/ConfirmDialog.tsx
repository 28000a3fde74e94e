import { useState, type ReactNode } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Runs on confirmation; the dialog closes when it resolves to true. */
  onConfirm: () => Promise<boolean> | boolean;
  tone?: 'danger' | 'primary';
  /** Shown inside the dialog, e.g. an ErrorAlert when the action failed. */
  footer?: ReactNode;
  /** Controlled use (e.g. opened from a menu). Without these, place it in a DialogTrigger. */
  isOpen?: boolean;
  onOpenChange?: (isOpen: boolean) => void;
}

/** A modal confirmation for actions that cannot be undone, built on react-aria's Dialog. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  tone = 'danger',
  footer,
  isOpen,
  onOpenChange,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  // Only pass the controlled props when given, so that a surrounding DialogTrigger stays in charge.
  const control = isOpen === undefined ? {} : { isOpen, onOpenChange };
  return (
    <ModalOverlay className="modal-overlay" isDismissable={!pending} {...control}>
      <Modal className="modal">
        <Dialog role="alertdialog" className="dialog">
          {({ close }) => (
            <>
              <Heading slot="title" className="dialog__title">
                {title}
              </Heading>
              <div className="dialog__body">{children}</div>
              {footer}
              <div className="dialog__actions">
                <Button className="button button--secondary" onPress={close} isDisabled={pending}>
                  {t('common.cancel')}
                </Button>
                <Button
                  className={`button button--${tone}`}
                  isPending={pending}
                  onPress={async () => {
                    setPending(true);
                    try {
                      if (await onConfirm()) close();
                    } finally {
                      setPending(false);
                    }
                  }}
                >
                  {confirmLabel}
                </Button>
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
