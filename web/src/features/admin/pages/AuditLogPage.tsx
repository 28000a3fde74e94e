import { AUDIT_ACTIONS, isErased, type AuditAction, type UserRole } from '@keskusvaraamo/shared';
import { Fragment, useMemo, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { SelectField } from '../../../shared/forms';
import { useFormatters } from '../../../shared/i18n';
import { ErrorAlert, LoadMoreButton, Loading, Page } from '../../../shared/ui';
import { useCursorPages, useReportPage, type PageInfo } from '../../../shared/utils/cursorPages';
import { AuditLogQuery, type AuditEvent } from '../operations';
import '../admin.css';

const PAGE_SIZE = 50;
const COLUMNS = 5;

/** Admins: who changed whose roles, deactivated, reactivated or erased whom, newest first. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const given = params.get('action');
  const action = AUDIT_ACTIONS.find((a) => a === given) ?? null;
  const paging = useCursorPages(action ?? 'all');

  const setAction = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('action', value);
    else next.delete('action');
    setParams(next, { replace: true });
  };

  return (
    <Page title={t('admin.audit.title')} lead={t('admin.audit.lead')}>
      <p>
        <Link to="/admin/users">{t('admin.audit.backToUsers')}</Link>
      </p>
      <div className="card filters">
        <SelectField
          label={t('admin.audit.actionFilter')}
          value={action ?? ''}
          onChange={setAction}
          options={[
            { id: '', label: t('admin.audit.allActions') },
            ...AUDIT_ACTIONS.map((a) => ({ id: a, label: t(`admin.audit.actions.${a}`) })),
          ]}
        />
      </div>
      <div className="audit-scroll">
        <table className="audit-log" key={action ?? 'all'}>
          <caption id="audit-log-caption" className="visually-hidden">
            {t('admin.audit.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.audit.columns.at')}</th>
              <th scope="col">{t('admin.audit.columns.actor')}</th>
              <th scope="col">{t('admin.audit.columns.action')}</th>
              <th scope="col">{t('admin.audit.columns.subject')}</th>
              <th scope="col">{t('admin.audit.columns.details')}</th>
            </tr>
          </thead>
          {paging.cursors.map((after, index) => (
            <Fragment key={after ?? 'first'}>
              <AuditPage action={action} after={after} onPage={(pageInfo) => paging.reportPage(index, pageInfo, 0)} />
            </Fragment>
          ))}
        </table>
      </div>
      {paging.nextCursor ? <LoadMoreButton onPress={paging.loadMore} /> : null}
    </Page>
  );
}

function AuditPage({
  action,
  after,
  onPage,
}: {
  action: AuditAction | null;
  after: string | null;
  onPage: (pageInfo: PageInfo) => void;
}) {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({ query: AuditLogQuery, variables: { action, first: PAGE_SIZE, after } });
  const connection = result.data?.auditLog;
  // The log has no total: the list is told 0 (a new object only when the page's data changes).
  const reported = useMemo(
    () => (connection ? { pageInfo: connection.pageInfo, totalCount: 0 } : undefined),
    [connection],
  );
  useReportPage(reported, onPage);
  const row = (content: ReactNode) => (
    <tbody>
      <tr>
        <td colSpan={COLUMNS}>{content}</td>
      </tr>
    </tbody>
  );
  if (result.error)
    return row(
      <>
        <ErrorAlert error={toAppError(result.error)} />
        <Button className="button button--secondary" onPress={() => reexecute({ requestPolicy: 'network-only' })}>
          {t('common.retry')}
        </Button>
      </>,
    );
  if (!connection) return result.fetching ? row(<Loading shape="inline" />) : null;
  if (connection.nodes.length === 0 && !after) return row(t('admin.audit.empty'));
  return (
    <tbody>
      {connection.nodes.map((event) => (
        <AuditRow key={event.id} event={event} />
      ))}
    </tbody>
  );
}

function AuditRow({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const person = (name: string | null) =>
    name === null ? t('admin.audit.unknown') : isErased(name) ? t('admin.erasedUser') : name;
  const roles = (list: readonly UserRole[]) =>
    list.length ? list.map((role) => t(`roles.${role}`)).join(', ') : t('admin.audit.noRoles');
  return (
    <tr>
      <td>
        <time dateTime={event.at}>{format.dateTime(event.at)}</time>
      </td>
      <td>{event.actorId === null ? t('admin.audit.service') : person(event.actorName)}</td>
      <td>{t(`admin.audit.actions.${event.action}`)}</td>
      <td>
        {person(event.subjectName)}
        <span className="visually-hidden"> ({t(`admin.audit.subjectKinds.${event.subjectKind}`)})</span>
      </td>
      <td>
        {event.reason ? <p>{t('admin.audit.reason', { reason: event.reason })}</p> : null}
        {event.rolesBefore && event.rolesAfter ? (
          <p>{t('admin.audit.roles', { before: roles(event.rolesBefore), after: roles(event.rolesAfter) })}</p>
        ) : null}
      </td>
    </tr>
  );
}
