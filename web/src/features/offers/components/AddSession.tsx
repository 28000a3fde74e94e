import { useRef, useState } from 'react';
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { useLocale } from '../../../shared/i18n';
import { StatusMessage } from '../../../shared/ui';
import { AddSessionMutation, type Offer, type SessionInput } from '../operations';
import { SessionForm } from './SessionForm';
import { emptySessionValues } from './sessionForm';

/** A new session for a course, from the course's page. */
export function AddSession({ offer, onAdded }: { offer: Offer; onAdded: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [, addSession] = useMutation(AddSessionMutation);
  const [expanded, setExpanded] = useState(offer.sessions.length === 0);
  const [status, setStatus] = useState<string | null>(null);
  // The form is made anew after each session, so that it starts empty.
  const [round, setRound] = useState(0);
  const triggerRef = useRef<HTMLButtonElement>(null);

  const add = async (input: SessionInput) => {
    setStatus(null);
    const result = await addSession({ offerId: offer.id, input });
    if (result.error) return result.error;
    setStatus(t('offers.sessions.added'));
    setRound((n) => n + 1);
    setExpanded(false);
    // The form folds away; focus goes back to its toggle rather than to the page's start.
    triggerRef.current?.focus();
    onAdded();
    return undefined;
  };

  return (
    <div className="card">
      <Disclosure className="disclosure" isExpanded={expanded} onExpandedChange={setExpanded}>
        <Heading level={3} className="disclosure__heading">
          <Button slot="trigger" className="disclosure__trigger" ref={triggerRef}>
            <span className="disclosure__chevron" aria-hidden="true">
              ▸
            </span>
            {t('offers.sessions.add')}
          </Button>
        </Heading>
        <DisclosurePanel className="disclosure__panel">
          <SessionForm
            key={round}
            initial={emptySessionValues(locale, offer.municipalityCode ?? '')}
            submitLabel={t('offers.sessions.addSubmit')}
            onSubmit={add}
          />
        </DisclosurePanel>
      </Disclosure>
      <StatusMessage>{status}</StatusMessage>
    </div>
  );
}
