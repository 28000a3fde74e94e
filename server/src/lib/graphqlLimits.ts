/**
 * What one GraphQL document may ask for, so that one anonymous request cannot take seconds of CPU
 * or megabytes of output from everyone else: its size in bytes and tokens, its depth, aliases and
 * top-level fields, a cost that counts list sizes, and at most one credential or e-mail mutation.
 *
 * The rules are graphql-js validation rules: Mercurius runs them with the specified rules, once
 * per distinct document (its cache keeps the verdict), and `validateSubscription` runs the same
 * ones for subscriptions over WebSocket, which Mercurius does not validate by itself.
 */
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import {
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInputType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  specifiedRules,
  typeFromAST,
  validate,
  visit,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.js';

/**
 * The limits. Every document the web app sends passes them with room to spare
 * (`graphqlLimits.test.ts` runs each one through them).
 */
export const GRAPHQL_LIMITS = {
  /** The query text in bytes, checked before it is parsed. */
  documentBytes: 16 * 1024,
  /** Tokens the parser reads before it gives up (names, punctuation, values). */
  tokens: 2_000,
  /** Nested selections (Mercurius's `queryDepth`). */
  depth: 10,
  /** Aliased fields in one operation: a thousand aliases of one field would run it a thousand times. */
  aliases: 15,
  /** Distinct fields at the top of one operation. */
  rootFields: 12,
  /** The cost (below) of one document. */
  cost: 30_000,
  /** The size assumed for a list that no argument bounds (a course's sessions, facet counts). */
  listSize: DEFAULT_PAGE_SIZE,
} as const;

/**
 * Mutations that check a credential or a single-use token, or send e-mail. Each is throttled on its
 * own; several in one request (under aliases) would multiply the guesses or the mail per request.
 */
export const CREDENTIAL_MUTATIONS: ReadonlySet<string> = new Set([
  'signUp',
  'signIn',
  'refreshSession',
  'changePassword',
  'requestEmailVerification',
  'verifyEmail',
  'requestPasswordReset',
  'resetPassword',
  'inviteMember',
  'acceptInvitation',
  'cancelBookingWithToken',
  'cancelParticipantWithToken',
  'replaceParticipant',
  'addParticipant',
  'messageSessionParticipants',
  'unsubscribe',
]);

const badRequest = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_REQUEST' } });

/** The document's size in bytes, refused before parsing when too large. */
export function checkDocumentSize(source: string): void {
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > GRAPHQL_LIMITS.documentBytes) {
    throw badRequest(`The query is ${bytes} bytes long; at most ${GRAPHQL_LIMITS.documentBytes} are accepted.`);
  }
}

/**
 * The response keys (alias or name) selected at the top of a selection set, through fragments.
 * Fields with one key are merged when executed, so they count once; each fragment is read once.
 */
function rootResponseKeys(context: ValidationContext, selectionSet: SelectionSetNode): Map<string, FieldNode> {
  const keys = new Map<string, FieldNode>();
  const seen = new Set<string>();
  const collect = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === '__typename') continue;
        keys.set(selection.alias?.value ?? selection.name.value, selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = context.getFragment(selection.name.value);
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  collect(selectionSet);
  return keys;
}

function rootFieldsRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const count = rootResponseKeys(context, operation.selectionSet).size;
      if (count > max) {
        context.reportError(
          new GraphQLError(`An operation may select at most ${max} top-level fields; this one selects ${count}.`, {
            nodes: operation,
          }),
        );
      }
    },
  });
}

function credentialMutationsRule(): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      if (operation.operation !== 'mutation') return;
      const sensitive = [...rootResponseKeys(context, operation.selectionSet).values()].filter((field) =>
        CREDENTIAL_MUTATIONS.has(field.name.value),
      );
      if (sensitive.length > 1) {
        context.reportError(
          new GraphQLError(
            `Only one of ${sensitive.map((f) => f.name.value).join(', ')} may be sent in one request; send them one at a time.`,
            { nodes: sensitive },
          ),
        );
      }
    },
  });
}

/** A connection type (`nodes` and `pageInfo`): its field's `first` already sized its nodes. */
function isConnection(type: GraphQLCompositeType): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'nodes' in fields && 'pageInfo' in fields;
}

/** `first` as written: a literal (within the page limits), a variable (any page size, so the largest), or absent. */
function firstArgument(node: FieldNode): number {
  const argument = node.arguments?.find((a) => a.name.value === 'first');
  if (!argument || argument.value.kind === Kind.NULL) return DEFAULT_PAGE_SIZE;
  if (argument.value.kind === Kind.INT) return Math.min(Math.max(Number(argument.value.value), 1), MAX_PAGE_SIZE);
  return MAX_PAGE_SIZE;
}

/**
 * The page size that governs each `nodes` selection: its connection field's `first`. Fields are read
 * through inline fragments; `nodes` in a named fragment counts at the largest `first` among the
 * fields the fragment is spread in (or the largest page, when that cannot be told).
 */
function connectionPageSizes(document: DocumentNode): Map<FieldNode, number> {
  const sizes = new Map<FieldNode, number>();
  const spreadIn = new Map<string, number>();
  const inFragment: [FieldNode, string][] = [];
  /** The nearest enclosing field, or the fragment whose selection this is. */
  const enclosing = (ancestors: readonly unknown[]): FieldNode | string | null => {
    for (let i = ancestors.length - 1; i >= 0; i--) {
      const node = ancestors[i] as { kind?: string };
      if (node?.kind === Kind.FIELD) return node as FieldNode;
      if (node?.kind === Kind.FRAGMENT_DEFINITION) return (node as { name: { value: string } }).name.value;
      if (node?.kind === Kind.OPERATION_DEFINITION) return null;
    }
    return null;
  };
  visit(document, {
    Field(node, _key, _parent, _path, ancestors) {
      if (node.name.value !== 'nodes') return;
      const parent = enclosing(ancestors);
      if (typeof parent === 'string') inFragment.push([node, parent]);
      else if (parent) sizes.set(node, firstArgument(parent));
    },
    FragmentSpread(node, _key, _parent, _path, ancestors) {
      const parent = enclosing(ancestors);
      const size = parent && typeof parent !== 'string' ? firstArgument(parent) : MAX_PAGE_SIZE;
      spreadIn.set(node.name.value, Math.max(spreadIn.get(node.name.value) ?? 0, size));
    },
  });
  for (const [node, fragment] of inFragment) sizes.set(node, spreadIn.get(fragment) ?? MAX_PAGE_SIZE);
  return sizes;
}

/** How many times a field's selection runs: a page's size, a list's assumed size, or once. */
function timesSelected(
  parent: GraphQLCompositeType,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  pageSizes: Map<FieldNode, number>,
): number {
  if (field.name === 'nodes' && isConnection(parent)) return pageSizes.get(node) ?? MAX_PAGE_SIZE;
  // A connection's other fields (totalCount, pageInfo, facets) are one each, whatever its `first`.
  if (isObjectType(getNullableType(field.type)) && isConnection(getNullableType(field.type) as GraphQLCompositeType)) {
    return 1;
  }
  if (field.args.some((a) => a.name === 'first')) return firstArgument(node);
  return isListType(getNullableType(field.type)) ? GRAPHQL_LIMITS.listSize : 1;
}

/**
 * Values that pass coercion for the operation's required variables. The cost does not depend on
 * them (a `first` given by a variable counts as the largest page), but graphql-query-complexity
 * coerces the variables before it counts.
 */
function placeholderVariables(schema: GraphQLSchema, document: DocumentNode): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      const type = typeFromAST(schema, variable.type);
      if (type && isInputType(type) && isNonNullType(type) && !variable.defaultValue) {
        values[variable.variable.name.value] = placeholder(type);
      }
    }
  }
  return values;
}

function placeholder(type: GraphQLInputType): unknown {
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) return [];
  if (isEnumType(nullable)) return nullable.getValues()[0]?.name;
  if (isInputObjectType(nullable)) {
    return Object.fromEntries(
      Object.values(nullable.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, placeholder(f.type)]),
    );
  }
  return nullable.name === 'Int' || nullable.name === 'Float' ? 0 : nullable.name === 'Boolean' ? false : '';
}

/**
 * The document's cost: each field costs 1, and a field whose selection runs n times costs
 * 1 + n × its selection's cost. A connection's `nodes` run `first` times (a variable counts as the
 * largest page, 100; no `first`, the default 20); a list that takes `first` likewise; any other list
 * counts as `listSize` items. `@skip` and `@include` are ignored: the worst case counts, whatever
 * the variables say. Every operation in the document counts.
 */
export function documentCost(schema: GraphQLSchema, document: DocumentNode): number {
  const unconditional = visit(document, {
    Directive: (node) => (node.name.value === 'skip' || node.name.value === 'include' ? null : undefined),
  });
  const pageSizes = connectionPageSizes(unconditional);
  return getComplexity({
    schema,
    query: unconditional,
    variables: placeholderVariables(schema, document),
    estimators: [
      ({ type, field, node, childComplexity }) => 1 + timesSelected(type, field, node, pageSizes) * childComplexity,
    ],
  });
}

function costRule(max: number): ValidationRule {
  return (context): ASTVisitor => ({
    Document: {
      leave(document) {
        let cost: number;
        try {
          cost = documentCost(context.getSchema(), document);
        } catch {
          // Variables of unknown types and the like, which other rules report; or too many
          // fields through fragments for the counter (it stops at 10,000).
          cost = Number.POSITIVE_INFINITY;
        }
        if (cost > max) {
          context.reportError(
            new GraphQLError(
              Number.isFinite(cost)
                ? `The query's cost is ${cost}; at most ${max} is accepted. Ask for fewer items (first) or fewer fields.`
                : `The query's cost could not be counted; at most ${max} is accepted.`,
            ),
          );
        }
      },
    },
  });
}

/** Our validation rules, run after graphql-js's own. Introspection is off in production. */
export function limitRules(options: { introspection: boolean }): ValidationRule[] {
  return [
    maxAliasesRule({
      n: GRAPHQL_LIMITS.aliases,
      propagateOnRejection: false,
      onReject: [
        (context, error) =>
          context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { nodes: error.nodes })),
      ],
    }),
    rootFieldsRule(GRAPHQL_LIMITS.rootFields),
    credentialMutationsRule(),
    costRule(GRAPHQL_LIMITS.cost),
    ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
}

/**
 * The checks Mercurius makes over HTTP, for a subscription's document (Mercurius parses it without
 * a token limit and validates nothing but its depth). Throws the first problem as BAD_REQUEST.
 */
export function validateSubscription(
  schema: GraphQLSchema,
  source: string | DocumentNode,
  rules: ValidationRule[],
): void {
  if (typeof source !== 'string') throw badRequest('A subscription is sent as query text.');
  checkDocumentSize(source);
  let document: DocumentNode;
  try {
    document = parse(source, { maxTokens: GRAPHQL_LIMITS.tokens });
  } catch (error) {
    throw badRequest(error instanceof Error ? error.message : 'The query could not be parsed.');
  }
  const [first] = validate(schema, document, [...specifiedRules, ...rules]);
  if (first) throw new GraphQLError(first.message, { nodes: first.nodes, extensions: { code: 'BAD_REQUEST' } });
}
