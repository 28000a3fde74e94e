import type { ConversationSubjectKind } from '@keskusvaraamo/shared';
import { gql } from '../../../shared/graphql/document';
import type { PageInfo } from '../../../shared/utils/cursorPages';

/** What a conversation is about: an application or a booking, by its id. */
export interface ConversationSubject {
  kind: ConversationSubjectKind;
  id: string;
}

export interface Message {
  id: string;
  body: string;
  /** Null when the author's account has been deleted. */
  authorName: string | null;
  /** Written by the viewer. */
  mine: boolean;
  createdAt: string;
}

export interface MessageConnection {
  nodes: Message[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A thread with its newest messages (newest first, as the API pages them). */
export interface Conversation {
  /** Null until the first message is written. */
  id: string | null;
  subjectKind: ConversationSubjectKind;
  subjectId: string;
  title: string;
  unreadCount: number;
  messages: MessageConnection;
}

export interface ConversationSummary {
  id: string;
  subjectKind: ConversationSubjectKind;
  subjectId: string;
  title: string;
  unreadCount: number;
  lastMessageAt: string | null;
  lastMessage: Message | null;
}

const MESSAGE = 'id body authorName mine createdAt';
const CONVERSATION = `id subjectKind subjectId title unreadCount
  messages(first: $first, after: $after) { nodes { ${MESSAGE} } pageInfo { hasNextPage endCursor } totalCount }`;

type Paging = { first: number; after?: string | null };

export const ConversationQuery = gql<
  { conversation: Conversation | null },
  { subjectKind: ConversationSubjectKind; subjectId: string } & Paging
>(
  `query Conversation($subjectKind: ConversationSubjectKind!, $subjectId: ID!, $first: Int, $after: String) {
    conversation(subjectKind: $subjectKind, subjectId: $subjectId) { ${CONVERSATION} }
  }`,
);

/** A thread by its own id: what it is about and its title, for the thread's page. */
export const ConversationByIdQuery = gql<
  { conversationById: Pick<ConversationSummary, 'id' | 'subjectKind' | 'subjectId' | 'title'> | null },
  { id: string }
>(`query ConversationById($id: ID!) { conversationById(id: $id) { id subjectKind subjectId title } }`);

export const MyConversationsQuery = gql<
  { myConversations: { nodes: ConversationSummary[]; pageInfo: PageInfo; totalCount: number } },
  { first: number; after?: string | null }
>(
  `query MyConversations($first: Int, $after: String) {
    myConversations(first: $first, after: $after) {
      nodes { id subjectKind subjectId title unreadCount lastMessageAt lastMessage { ${MESSAGE} } }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }`,
);

export const UnreadMessageCountQuery = gql<{ unreadMessageCount: number }, Record<string, never>>(
  `query UnreadMessageCount { unreadMessageCount }`,
);

export const SendMessageMutation = gql<
  { sendMessage: Message & { conversationId: string } },
  { subjectKind: ConversationSubjectKind; subjectId: string; body: string }
>(
  `mutation SendMessage($subjectKind: ConversationSubjectKind!, $subjectId: ID!, $body: String!) {
    sendMessage(subjectKind: $subjectKind, subjectId: $subjectId, body: $body) { ${MESSAGE} conversationId }
  }`,
);

export const MarkConversationReadMutation = gql<
  { markConversationRead: { id: string | null; unreadCount: number } },
  { id: string }
>(`mutation MarkConversationRead($id: ID!) { markConversationRead(id: $id) { id unreadCount } }`);
