import type { IResolvers, MercuriusContext } from 'mercurius';
import type { GraphqlModule } from '../../plugins/graphql.js';
import type { ConversationDto, MessageDto } from './presenter.js';
import * as conversations from './service.js';

const resolvers: IResolvers = {
  Query: {
    conversation: async (_root, { subjectKind, subjectId }, ctx) =>
      conversations.getConversation(ctx.deps, await ctx.viewer(), subjectKind, subjectId),
    conversationById: async (_root, { id }, ctx) => conversations.getConversationById(ctx.deps, await ctx.viewer(), id),
    myConversations: async (_root, args, ctx) => conversations.myConversations(ctx.deps, await ctx.viewer(), args),
    unreadMessageCount: async (_root, _args, ctx) => conversations.unreadMessageCount(ctx.deps, await ctx.viewer()),
  },
  Mutation: {
    sendMessage: async (_root, { subjectKind, subjectId, body }, ctx) =>
      conversations.sendMessage(ctx.deps, await ctx.viewer(), subjectKind, subjectId, { body }),
    markConversationRead: async (_root, { id }, ctx) =>
      conversations.markConversationRead(ctx.deps, await ctx.viewer(), id),
  },
  Conversation: {
    // A thread reaches the API only after its read check, so its messages need none.
    messages: async (conversation: ConversationDto, args, ctx) =>
      conversations.messagesOf(ctx.deps, conversation, args),
  },
  Message: {
    mine: async (message: MessageDto, _args, ctx) => conversations.isMine(await ctx.viewer(), message),
  },
};

type Queries = { obj: ConversationDto }[];
const loaders = {
  Conversation: {
    lastMessage: async (queries: Queries, ctx: MercuriusContext) =>
      conversations.lastMessagesOf(
        ctx.deps,
        queries.map((q) => q.obj),
      ),
    unreadCount: async (queries: Queries, ctx: MercuriusContext) =>
      conversations.unreadCountsOf(
        ctx.deps,
        await ctx.viewer(),
        queries.map((q) => q.obj),
      ),
  },
  Message: {
    authorName: async (queries: { obj: MessageDto }[], ctx: MercuriusContext) =>
      conversations.authorNamesOf(
        ctx.deps,
        queries.map((q) => q.obj),
      ),
  },
};

export default { schemaUrl: new URL('./schema.graphql', import.meta.url), resolvers, loaders } satisfies GraphqlModule;
