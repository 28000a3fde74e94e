/**
 * The test server's GraphQL API from outside the browser, as another client (another device)
 * would use it: to prepare data a test needs, and to wait for what the server does by itself.
 */
import { expect, inject } from 'vitest';
import { DEMO, DEMO_PASSWORD } from './demo.js';

/**
 * Marks a GraphQL document, so that the contract test finds it and validates it against the
 * server's schema. Documents are static: no interpolation.
 */
export function gql(document: TemplateStringsArray): string {
  return document.join('');
}

/** One GraphQL request; resolves to its data, and fails the test on any error. */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${inject('baseUrl')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Signs in through the API; resolves to the access token. */
export async function apiSignIn(email: string, password = DEMO_PASSWORD): Promise<string> {
  const { signIn } = await graphql<{ signIn: { accessToken: string } }>(
    gql`
      mutation SignIn($input: SignInInput!) {
        signIn(input: $input) {
          accessToken
        }
      }
    `,
    { input: { email, password } },
  );
  return signIn.accessToken;
}

/** A day this many days ahead, YYYY-MM-DD. */
export function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Posts and publishes a need (`NeedInput` without its organisation) as the member of the named
 * company who signs in; resolves to the need's id.
 */
export async function publishNeed(
  as: { email: string; company: string },
  input: Record<string, unknown>,
): Promise<string> {
  const token = await apiSignIn(as.email);
  const { me } = await graphql<{ me: { memberships: { organisation: { id: string; name: string } }[] } }>(
    gql`
      query Me {
        me {
          memberships {
            organisation {
              id
              name
            }
          }
        }
      }
    `,
    {},
    token,
  );
  const company = me.memberships.find((m) => m.organisation.name === as.company)!.organisation;
  const { createNeed } = await graphql<{ createNeed: { id: string } }>(
    gql`
      mutation Create($input: NeedInput!) {
        createNeed(input: $input) {
          id
        }
      }
    `,
    { input: { ...input, organisationId: company.id } },
    token,
  );
  await graphql(
    gql`
      mutation Publish($id: ID!) {
        publishNeed(id: $id) {
          id
        }
      }
    `,
    { id: createNeed.id },
    token,
  );
  return createNeed.id;
}

/**
 * Waits until the outbox has delivered an e-mail to the address with this subject into the
 * development mailbox (the server's mail worker sends every second). The mailbox answers the
 * server's own machine without a sign-in.
 */
export async function waitForMail(to: string, subject: string | RegExp): Promise<void> {
  const delivered = async () => {
    const { devMailbox } = await graphql<{
      devMailbox: { to: string; subject: string | null; sentAt: string | null }[];
    }>(
      gql`
        query DevMailbox($first: Int) {
          devMailbox(first: $first) {
            to
            subject
            sentAt
          }
        }
      `,
      { first: 100 },
    );
    return devMailbox.some(
      (mail) =>
        mail.to === to &&
        mail.sentAt !== null &&
        (typeof subject === 'string' ? mail.subject === subject : subject.test(mail.subject ?? '')),
    );
  };
  await expect.poll(delivered, { timeout: 20_000, interval: 250 }).toBe(true);
}

/** The demo entrepreneur posts and publishes an internship of one position for Tunturienergia Oy. */
export function publishInternship(title: string): Promise<string> {
  return publishNeed(
    { email: DEMO.entrepreneur, company: 'Tunturienergia Oy' },
    {
      kind: 'INTERNSHIP',
      title,
      description: 'Huollat lämpöpumppuja ja aurinkopaneeleja Sallan maatiloilla kokeneen asentajan kanssa.',
      language: 'fi',
      topics: ['solar-pv'],
      municipalityCode: '732',
      remote: false,
      periodStart: daysAhead(60),
      periodEnd: daysAhead(150),
      positions: 1,
      payKind: 'PAID',
      payAmountCents: 185_000,
      languages: ['fi'],
      applicationDeadline: daysAhead(30),
    },
  );
}

/**
 * The demo educator publishes a course (free, on bioenergy, unless `course` says otherwise) with one
 * session (12 seats, 40 days ahead) at `place` in Rovaniemi; resolves to the course's and the
 * session's ids.
 */
export async function publishCourse(
  title: string,
  place: string,
  course: { priceCents?: number; topics?: string[]; description?: string } = {},
): Promise<{ offerId: string; sessionId: string }> {
  const {
    priceCents = 0,
    topics = ['bioenergy'],
    description = 'Hakkeen laatu, kuivaus ja varastointi lämpölaitoksen polttoaineeksi.',
  } = course;
  const token = await apiSignIn(DEMO.educator);
  const { me } = await graphql<{ me: { memberships: { organisation: { id: string; kind: string } }[] } }>(
    gql`
      query EducatorOrganisations {
        me {
          memberships {
            organisation {
              id
              kind
            }
          }
        }
      }
    `,
    {},
    token,
  );
  const school = me.memberships.find((m) => m.organisation.kind === 'EDUCATIONAL')!.organisation;
  const { createOffer } = await graphql<{ createOffer: { id: string; sessions: { id: string }[] } }>(
    gql`
      mutation CreateCourse($input: OfferInput!, $sessions: [SessionInput!]) {
        createOffer(input: $input, sessions: $sessions) {
          id
          sessions {
            id
          }
        }
      }
    `,
    {
      input: {
        kind: 'COURSE',
        organisationId: school.id,
        title,
        description,
        language: 'fi',
        topics,
        municipalityCode: '698',
        online: false,
        languages: ['fi'],
      },
      sessions: [
        {
          startsAt: `${daysAhead(40)}T09:00`,
          endsAt: `${daysAhead(40)}T15:00`,
          registrationDeadline: `${daysAhead(35)}T23:59`,
          place,
          municipalityCode: '698',
          seats: 12,
          priceCents,
          language: 'fi',
        },
      ],
    },
    token,
  );
  await graphql(
    gql`
      mutation PublishCourse($id: ID!) {
        publishOffer(id: $id) {
          id
        }
      }
    `,
    { id: createOffer.id },
    token,
  );
  return { offerId: createOffer.id, sessionId: createOffer.sessions[0]!.id };
}
