/**
 * One contract between the server, the web app and the browser tests: every GraphQL enum holds
 * exactly the values of its list in `shared` (which the tables' CHECK lists, the server and the web
 * are built from), and every document the clients send is valid against the merged schema the
 * server runs, so that a renamed field or enum value fails here rather than in a browser.
 */
import {
  AUDIT_ACTIONS,
  AUDIT_SUBJECT_KINDS,
  DATA_ACCESS_KINDS,
  DATA_ACCESS_SOURCES,
  ERASURE_BLOCKERS,
  FEEDBACK_TOPICS,
  USER_STATUSES,
  APPLICATION_ACTIONS,
  APPLICATION_ACTORS,
  APPLICATION_STATES,
  BOOKING_STATES,
  CONVERSATION_SUBJECT_KINDS,
  DELIVERY_CHANNELS,
  LOCALES,
  MATCH_HOWS,
  MATCH_KINDS,
  MEMBERSHIP_ROLES,
  NEED_KINDS,
  NEED_STATES,
  OFFER_KINDS,
  OFFER_STATES,
  ORGANISATION_KINDS,
  PAY_KINDS,
  PROPOSAL_ACTIONS,
  PROPOSAL_ANSWERS,
  PROPOSAL_ORIGINS,
  PROPOSAL_SIDES,
  PROPOSAL_STATES,
  PROPOSAL_TARGET_KINDS,
  SAVED_SEARCH_ALERTS,
  SEARCH_KINDS,
  SEARCH_SORTS,
  SEASONS,
  SELF_SERVICE_ROLES,
  STUDY_LEVELS,
  USER_ROLES,
  WHEN_SHORT,
  INVOICE_METHODS,
} from '@keskusvaraamo/shared';
import { isEnumType, parse, validate, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eDocuments, webDocuments, type ClientDocument } from './test/graphqlDocuments.js';
import { buildTestApp, type TestApp } from './test/helper.js';

/** Each GraphQL enum and the shared list it is declared by. A new enum in the schema needs its list here. */
const SHARED_ENUMS: Record<string, readonly string[]> = {
  UserRole: USER_ROLES,
  SelfServiceRole: SELF_SERVICE_ROLES,
  Locale: LOCALES,
  OrganisationKind: ORGANISATION_KINDS,
  MembershipRole: MEMBERSHIP_ROLES,
  NeedKind: NEED_KINDS,
  NeedState: NEED_STATES,
  StudyLevel: STUDY_LEVELS,
  PayKind: PAY_KINDS,
  OfferKind: OFFER_KINDS,
  OfferState: OFFER_STATES,
  SearchKind: SEARCH_KINDS,
  SearchSort: SEARCH_SORTS,
  BookingState: BOOKING_STATES,
  WhenShort: WHEN_SHORT,
  InvoiceMethod: INVOICE_METHODS,
  DeliveryChannel: DELIVERY_CHANNELS,
  SavedSearchAlert: SAVED_SEARCH_ALERTS,
  ApplicationState: APPLICATION_STATES,
  ApplicationAction: APPLICATION_ACTIONS,
  ApplicationActor: APPLICATION_ACTORS,
  ConversationSubjectKind: CONVERSATION_SUBJECT_KINDS,
  MatchKind: MATCH_KINDS,
  MatchHow: MATCH_HOWS,
  ProposalTargetKind: PROPOSAL_TARGET_KINDS,
  ProposalState: PROPOSAL_STATES,
  ProposalOrigin: PROPOSAL_ORIGINS,
  ProposalAnswer: PROPOSAL_ANSWERS,
  ProposalAction: PROPOSAL_ACTIONS,
  ProposalSide: PROPOSAL_SIDES,
  Season: SEASONS,
  AuditAction: AUDIT_ACTIONS,
  AuditSubjectKind: AUDIT_SUBJECT_KINDS,
  DataAccessKind: DATA_ACCESS_KINDS,
  DataAccessSource: DATA_ACCESS_SOURCES,
  ErasureBlocker: ERASURE_BLOCKERS,
  FeedbackTopic: FEEDBACK_TOPICS,
  UserStatus: USER_STATUSES,
};

let app: TestApp;
let schema: GraphQLSchema;
beforeAll(async () => {
  // The schema as the server merges and runs it, not a second assembly of the module files.
  app = await buildTestApp();
  schema = app.graphql.schema;
});
afterAll(() => app.closeAndDrop());

/** Each document's validation errors against the schema, as "where: message" lines. */
function invalid(documents: ClientDocument[]): string[] {
  return documents.flatMap(({ name, source }) => {
    try {
      return validate(schema, parse(source)).map((error) => `${name}: ${error.message}`);
    } catch (error) {
      return [`${name}: ${(error as Error).message}`];
    }
  });
}

describe('the GraphQL enums', () => {
  const schemaEnums = () =>
    Object.values(schema.getTypeMap())
      .filter(isEnumType)
      .filter((type) => !type.name.startsWith('__'));

  it('each have their values declared once, in shared', () => {
    expect(
      schemaEnums()
        .map((type) => type.name)
        .sort(),
    ).toEqual(Object.keys(SHARED_ENUMS).sort());
  });

  it.each(Object.entries(SHARED_ENUMS))('%s holds exactly the shared values, in their order', (name, values) => {
    const type = schema.getType(name);
    expect(type && isEnumType(type) ? type.getValues().map((value) => value.name) : null).toEqual([...values]);
  });
});

describe('the documents the clients send', () => {
  it('validate against the schema: the web app', async () => {
    const documents = await webDocuments();
    expect(documents.length).toBeGreaterThan(90);
    expect(invalid(documents)).toEqual([]);
  });

  it('validate against the schema: the browser tests', () => {
    const { documents, interpolated } = e2eDocuments();
    expect(documents.length).toBeGreaterThan(5);
    // A document built with ${…} cannot be checked before it runs: pass values as variables instead.
    expect(interpolated).toEqual([]);
    expect(invalid(documents)).toEqual([]);
  });

  it('fail on what the schema does not have (the check itself works)', () => {
    const wrong = [
      { name: 'a renamed field', source: '{ me { id fullName } }' },
      { name: 'an enum value that does not exist', source: '{ search(filter: { kinds: [WORKSHOP] }) { totalCount } }' },
      { name: 'a variable of the wrong type', source: 'query ($id: Int!) { need(id: $id) { id } }' },
    ];
    expect(wrong.map(({ name, source }) => invalid([{ name, source }]).length > 0 && name)).toEqual(
      wrong.map(({ name }) => name),
    );
  });
});
