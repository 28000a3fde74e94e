import type { MembershipRole } from '@keskusvaraamo/shared';
import { useState } from 'react';
import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toAppError, type AppError } from '../../../shared/graphql';
import { useFormatters } from '../../../shared/i18n';
import { ConfirmDialog, ErrorAlert, StatusMessage } from '../../../shared/ui';
import { ChangeMemberRoleMutation, RemoveMemberMutation, type Member } from '../operations';

interface MembersSectionProps {
  organisationId: string;
  members: Member[];
  /** Owners manage members; others see the list only. */
  canManage: boolean;
  currentUserId: string | null;
  onChanged: () => void;
}

const otherRole = (role: MembershipRole): MembershipRole => (role === 'OWNER' ? 'MEMBER' : 'OWNER');

export function MembersSection({ organisationId, members, canManage, currentUserId, onChanged }: MembersSectionProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [, changeRole] = useMutation(ChangeMemberRoleMutation);
  const [, removeMember] = useMutation(RemoveMemberMutation);
  const [error, setError] = useState<AppError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [removeError, setRemoveError] = useState<AppError | null>(null);

  const switchRole = async (member: Member) => {
    setError(null);
    setStatus(null);
    const role = otherRole(member.role);
    const result = await changeRole({ organisationId, userId: member.userId, role });
    if (result.error) {
      setError(toAppError(result.error));
      return;
    }
    setStatus(t('organisations.members.roleChanged', { name: member.displayName, role: t(`membershipRoles.${role}`) }));
    onChanged();
  };

  const confirmRemoval = async () => {
    if (!removing) return true;
    setRemoveError(null);
    const result = await removeMember({ organisationId, userId: removing.userId });
    if (result.error) {
      setRemoveError(toAppError(result.error));
      return false;
    }
    setStatus(t('organisations.members.removed', { name: removing.displayName }));
    onChanged();
    return true;
  };

  return (
    <section className="section" aria-labelledby="members-heading">
      <h2 id="members-heading">{t('organisations.members.heading', { count: members.length })}</h2>
      <ErrorAlert error={error} />
      <StatusMessage>{status}</StatusMessage>
      <ul className="member-list">
        {members.map((member) => {
          const isSelf = member.userId === currentUserId;
          return (
            <li key={member.userId} className="member">
              <div className="member__who">
                <span className="member__name">
                  {member.displayName}
                  {isSelf ? <span className="muted"> {t('organisations.members.you')}</span> : null}
                </span>
                <span className="member__email">{member.email}</span>
              </div>
              <div className="member__meta">
                <span className="badge badge--info">{t(`membershipRoles.${member.role}`)}</span>
                <span className="muted">
                  {t('organisations.members.joined', { date: format.date(member.joinedAt) })}
                </span>
              </div>
              {canManage ? (
                <MenuTrigger>
                  <Button className="button button--ghost member__actions">
                    {t('organisations.members.actions')}
                    <span className="visually-hidden">: {member.displayName}</span>
                  </Button>
                  <Popover className="popover" placement="bottom end">
                    <Menu
                      className="menu"
                      onAction={(key) => {
                        if (key === 'role') void switchRole(member);
                        if (key === 'remove') {
                          setRemoveError(null);
                          setRemoving(member);
                        }
                      }}
                    >
                      <MenuItem id="role" className="menu__item">
                        {member.role === 'OWNER'
                          ? t('organisations.members.makeMember')
                          : t('organisations.members.makeOwner')}
                      </MenuItem>
                      {isSelf ? null : (
                        <MenuItem id="remove" className="menu__item menu__item--danger">
                          {t('organisations.members.remove')}
                        </MenuItem>
                      )}
                    </Menu>
                  </Popover>
                </MenuTrigger>
              ) : null}
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        isOpen={removing !== null}
        onOpenChange={(open) => {
          if (!open) setRemoving(null);
        }}
        title={t('organisations.members.removeTitle')}
        confirmLabel={t('organisations.members.remove')}
        onConfirm={confirmRemoval}
        footer={<ErrorAlert error={removeError} />}
      >
        <p>{t('organisations.members.removeBody', { name: removing?.displayName ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
