import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { useSession } from '../../../shared/session';
import { ErrorAlert, Loading, Page } from '../../../shared/ui';
import { hasRole } from '../../../shared/utils/roles';
import { ConversationView } from '../components/ConversationView';
import { ConversationByIdQuery } from '../operations';

/** One conversation on a page of its own: where a message notification leads. */
export function ConversationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useSession();
  const [{ data, fetching, error }] = useQuery({ query: ConversationByIdQuery, variables: { id } });
  const conversation = data?.conversationById ?? null;
  const title = conversation
    ? t('conversations.thread.title', { title: conversation.title })
    : data
      ? t('conversations.notFound')
      : t('conversations.thread.titleShort');
  const applicationPath = (applicationId: string) =>
    `${hasRole(user, 'STUDENT') ? '/my/applications' : '/applications'}/${applicationId}`;

  return (
    <Page
      title={title}
      lead={conversation ? t(`conversations.kindsAbout.${conversation.subjectKind}`) : undefined}
      className="page--medium"
    >
      {error && !data ? <ErrorAlert error={toAppError(error)} /> : null}
      {conversation ? (
        <div className="stack">
          {conversation.subjectKind === 'APPLICATION' ? (
            <p>
              <Link to={applicationPath(conversation.subjectId)}>{t('conversations.thread.toApplication')}</Link>
            </p>
          ) : null}
          <section className="card" aria-labelledby="conversation-messages-heading">
            <h2 id="conversation-messages-heading">{t('conversations.heading')}</h2>
            <ConversationView subject={{ kind: conversation.subjectKind, id: conversation.subjectId }} />
          </section>
        </div>
      ) : data ? (
        <p>{t('conversations.notFoundHelp')}</p>
      ) : fetching ? (
        <Loading />
      ) : null}
      <p>
        <Link to="/conversations">{t('conversations.thread.back')}</Link>
      </p>
    </Page>
  );
}
