import type { IResolvers, MercuriusContext } from 'mercurius';
import type { GraphqlModule } from '../../plugins/graphql.js';
import { markConversationRead, sendMessage } from './commands.js';
import { authorNamesOf, isMine, lastMessagesOf, unreadCountsOf } from './loaders.js';
import type { ConversationDto, MessageDto } from './presenter.js';
import { getConversation, getConversationById, messagesOf, myConversations, unreadMessageCount } from './queries.js';

const resolvers: IResolvers = {
  Query: {
    conversation: async (_root, { subjectKind, subjectId }, ctx) =>
      getConversation(ctx.deps, await ctx.viewer(), subjectKind, subjectId),
    conversationById: async (_root, { id }, ctx) => getConversationById(ctx.deps, await ctx.viewer(), id),
    myConversations: async (_root, args, ctx) => myConversations(ctx.deps, await ctx.viewer(), args),
    unreadMessageCount: async (_root, _args, ctx) => unreadMessageCount(ctx.deps, await ctx.viewer()),
  },
  Mutation: {
    sendMessage: async (_root, { subjectKind, subjectId, body }, ctx) =>
      sendMessage(ctx.deps, await ctx.viewer(), subjectKind, subjectId, { body }),
    markConversationRead: async (_root, { id }, ctx) => markConversationRead(ctx.deps, await ctx.viewer(), id),
  },
  Conversation: {
    // A thread reaches the API only after its read check, so its messages need none.
    messages: async (conversation: ConversationDto, args, ctx) => messagesOf(ctx.deps, conversation, args),
  },
  Message: {
    mine: async (message: MessageDto, _args, ctx) => isMine(await ctx.viewer(), message),
  },
};

const list = <T>(queries: { obj: T }[]) => queries.map((q) => q.obj);

const loaders = {
  Conversation: {
    lastMessage: async (queries: { obj: ConversationDto }[], ctx: MercuriusContext) =>
      lastMessagesOf(ctx.deps, list(queries)),
    unreadCount: async (queries: { obj: ConversationDto }[], ctx: MercuriusContext) =>
      unreadCountsOf(ctx.deps, await ctx.viewer(), list(queries)),
  },
  Message: {
    authorName: async (queries: { obj: MessageDto }[], ctx: MercuriusContext) => authorNamesOf(ctx.deps, list(queries)),
  },
};

export default { schemaUrl: new URL('./schema.graphql', import.meta.url), resolvers, loaders } satisfies GraphqlModule;
