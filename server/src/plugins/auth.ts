import cookie from '@fastify/cookie';
import jwt from '@fastify/jwt';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import { unauthenticated } from '../errors.js';
import { loadViewer, REFRESH_COOKIE } from '../modules/accounts/index.js';
import type { Viewer } from '../lib/viewer.js';

const ISSUER = 'keskusvaraamo';
const AUDIENCE = 'keskusvaraamo-web';
/** The refresh cookie goes only to the GraphQL endpoint, where `refreshSession` reads it. */
const REFRESH_COOKIE_PATH = '/graphql';

interface AccessClaims {
  sub: string;
  ver: number;
  typ: 'access';
}

declare module 'fastify' {
  interface FastifyInstance {
    signAccessToken(user: { id: string; tokenVersion: number }): string;
    setRefreshCookie(reply: FastifyReply, token: string): void;
    clearRefreshCookie(reply: FastifyReply): void;
    /** For WebSocket subscriptions, whose token comes in `connection_init`, not in a header. */
    viewerFromAuthorization(header: string | undefined): Promise<Viewer | null>;
  }
  interface FastifyRequest {
    /** The signed-in user, or null for a visitor; throws UNAUTHENTICATED for a bad or stale token. */
    viewer(): Promise<Viewer | null>;
  }
}

/**
 * Access tokens: HS256 only, short-lived, with issuer, audience and type checked. The token
 * carries the user's token version; "sign out everywhere" bumps it and every older token fails.
 */
export default fp(
  async (app, opts: { config: Config }) => {
    const { config } = opts;
    await app.register(cookie);
    await app.register(jwt, {
      secret: config.jwtSecret,
      sign: { algorithm: 'HS256', iss: ISSUER, aud: AUDIENCE, expiresIn: config.accessTokenTtlSeconds },
      verify: {
        algorithms: ['HS256'],
        allowedIss: ISSUER,
        allowedAud: AUDIENCE,
        requiredClaims: ['exp', 'iss', 'aud', 'sub'],
      },
    });

    app.decorate('signAccessToken', (user: { id: string; tokenVersion: number }) =>
      app.jwt.sign({ sub: user.id, ver: user.tokenVersion, typ: 'access' } satisfies AccessClaims),
    );

    const cookieOptions = {
      httpOnly: true,
      secure: config.cookieSecure,
      sameSite: 'strict' as const,
      path: REFRESH_COOKIE_PATH,
    };
    app.decorate('setRefreshCookie', (reply: FastifyReply, token: string) => {
      reply.setCookie(REFRESH_COOKIE, token, { ...cookieOptions, maxAge: config.refreshTokenTtlDays * 86_400 });
    });
    app.decorate('clearRefreshCookie', (reply: FastifyReply) => {
      reply.clearCookie(REFRESH_COOKIE, cookieOptions);
    });

    app.decorate('viewerFromAuthorization', (header: string | undefined) => viewerFromAuthorization(header));
    app.decorateRequest('viewer', function viewer(this: FastifyRequest) {
      const cache = this as FastifyRequest & { viewerPromise?: Promise<Viewer | null> };
      cache.viewerPromise ??= resolveViewer(this);
      return cache.viewerPromise;
    });

    async function resolveViewer(request: FastifyRequest): Promise<Viewer | null> {
      return viewerFromAuthorization(request.headers.authorization);
    }

    /** "Bearer <access token>" → the viewer; null without a header; UNAUTHENTICATED when bad or stale. */
    async function viewerFromAuthorization(header: string | undefined): Promise<Viewer | null> {
      if (!header) return null;
      const [scheme, token] = header.split(' ');
      if (scheme !== 'Bearer' || !token) throw unauthenticated();
      let claims: AccessClaims;
      try {
        claims = app.jwt.verify<AccessClaims>(token);
      } catch {
        throw unauthenticated();
      }
      if (claims.typ !== 'access' || typeof claims.ver !== 'number') throw unauthenticated();
      const viewer = await loadViewer(app.db, claims.sub, claims.ver);
      if (!viewer) throw unauthenticated();
      return viewer;
    }
  },
  { name: 'auth', dependencies: ['database'] },
);
