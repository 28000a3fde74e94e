import { useState } from 'react';
import { Button, DialogTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../shared/session';
import { ConfirmDialog, ErrorAlert } from '../../../shared/ui';
import { noticeState } from '../../../shared/utils/notice';
import { useLeavePage } from '../../../shared/utils/useLeavePage';

export function SessionSection() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const leavePage = useLeavePage();
  const [failed, setFailed] = useState(false);

  const signOutHere = async () => {
    await signOut({ beforeLocalEnd: () => leavePage('/', noticeState('signedOut')) });
  };

  const signOutEverywhere = async () => {
    setFailed(false);
    try {
      await signOut({
        everywhere: true,
        beforeLocalEnd: () => leavePage('/', noticeState('signedOutEverywhere')),
      });
    } catch {
      setFailed(true);
      return false;
    }
    return true;
  };

  return (
    <section className="section" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('account.sessions.heading')}</h2>
      <p>{t('account.sessions.help')}</p>
      <div className="button-row">
        <Button className="button button--secondary" onPress={() => void signOutHere()}>
          {t('account.sessions.signOut')}
        </Button>
        <DialogTrigger onOpenChange={() => setFailed(false)}>
          <Button className="button button--danger-outline">{t('account.sessions.signOutEverywhere')}</Button>
          <ConfirmDialog
            title={t('account.sessions.confirmTitle')}
            confirmLabel={t('account.sessions.confirm')}
            onConfirm={signOutEverywhere}
            footer={<ErrorAlert error={failed ? { code: 'NETWORK', fields: [] } : null} />}
          >
            <p>{t('account.sessions.confirmBody')}</p>
          </ConfirmDialog>
        </DialogTrigger>
      </div>
    </section>
  );
}
