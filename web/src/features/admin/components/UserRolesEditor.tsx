import { USER_ROLES, type UserRole } from '@keskusvaraamo/shared';
import { useState } from 'react';
import { Button, Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toAppError, type AppError } from '../../../shared/graphql';
import { useSession } from '../../../shared/session';
import { ErrorAlert, StatusMessage } from '../../../shared/ui';
import { SetUserRolesMutation, type AdminUser } from '../operations';

const sameRoles = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((role) => b.includes(role));

/** An admin's checkbox group for one user's roles, saved with its own button. */
export function UserRolesEditor({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const session = useSession();
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [{ fetching }, setUserRoles] = useMutation(SetUserRolesMutation);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const changed = !sameRoles(roles, user.roles);

  const save = async () => {
    setError(null);
    setSaved(false);
    // Keep the canonical order so the saved list reads the same everywhere.
    const ordered = USER_ROLES.filter((role) => roles.includes(role)) as UserRole[];
    const result = await setUserRoles({ userId: user.id, roles: ordered });
    if (result.error) {
      setError(toAppError(result.error));
      return;
    }
    setSaved(true);
    if (result.data) setRoles(result.data.setUserRoles.roles);
    // An admin who changed their own roles sees the navigation follow.
    if (user.id === session.user?.id) await session.reloadUser();
  };

  return (
    <div className="roles-editor">
      <CheckboxGroup
        className="field checkbox-group"
        value={roles}
        onChange={(next) => {
          setSaved(false);
          setRoles(next);
        }}
      >
        <Label className="field__label">{t('admin.rolesOf', { name: user.displayName })}</Label>
        <div className="checkbox-group__options">
          {USER_ROLES.map((role) => (
            <Checkbox key={role} value={role} className="checkbox">
              <span className="checkbox__box" aria-hidden="true">
                <svg viewBox="0 0 18 18" width="14" height="14" focusable="false">
                  <polyline points="2 9 7 14 16 4" fill="none" stroke="currentColor" strokeWidth="3" />
                </svg>
              </span>
              {t(`roles.${role}`)}
            </Checkbox>
          ))}
        </div>
      </CheckboxGroup>
      <div className="button-row">
        <Button
          className="button button--primary"
          isDisabled={!changed}
          isPending={fetching}
          onPress={() => void save()}
        >
          {t('admin.saveRoles')}
          <span className="visually-hidden">: {user.displayName}</span>
        </Button>
      </div>
      <ErrorAlert error={error} />
      <StatusMessage>{saved ? t('admin.rolesSaved', { name: user.displayName }) : null}</StatusMessage>
    </div>
  );
}
