import type { AnyVariables, TypedDocumentNode } from 'urql';

/**
 * A GraphQL operation's text, typed with its result and variables as urql's hooks read them.
 *
 * The text itself, not a parsed document: urql parses a string on its first use (and keeps the
 * result), so an operation a page never sends is never parsed. urql's `gql` parsed every operation
 * of every module the page loaded while the modules were evaluated, some 15-20 ms of the app's
 * start on a course page here, most of it mutations a visitor never sends.
 */
export type Operation<Data, Variables> = string & Pick<TypedDocumentNode<Data, Variables>, '__apiType'>;

/** Declares an operation: its text, typed (see `Operation`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- urql's own default for an untyped result
export function gql<Data = any, Variables extends AnyVariables = AnyVariables>(
  text: string,
): Operation<Data, Variables> {
  return text as Operation<Data, Variables>;
}
