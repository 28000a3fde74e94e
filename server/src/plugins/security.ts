import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

/**
 * The Content-Security-Policy the built web app runs under (e2e/tests/csp.test.ts walks it in
 * Chromium and fails on any violation): its scripts, styles, fonts and images come from its own
 * origin, it talks only to its own origin (GraphQL over HTTP, and the notifications' WebSocket,
 * named as well for browsers whose 'self' does not cover ws:/wss:), and nothing may frame it.
 */
export function contentSecurityPolicy(publicUrl: string, production: boolean) {
  const origin = new URL(publicUrl);
  const socketOrigin = `${origin.protocol === 'https:' ? 'wss:' : 'ws:'}//${origin.host}`;
  return {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'", socketOrigin],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      // Behind HTTPS in production; on http://localhost it would send every request to https.
      ...(production ? { upgradeInsecureRequests: [] } : {}),
    },
  };
}

/**
 * GraphiQL (development only) loads React and its own code from unpkg and styles itself inline:
 * its pages get that looser policy, and nothing else does.
 */
const GRAPHIQL_POLICY = [
  "default-src 'self'",
  "script-src 'self' https://unpkg.com",
  "style-src 'self' 'unsafe-inline' https://unpkg.com",
  "img-src 'self' data:",
  "font-src 'self' data: https://unpkg.com",
  "connect-src 'self' https://unpkg.com",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Security headers on every response (helmet): the policy above, `nosniff`, no framing, no
 * Referer (reset and verification tokens travel in URLs), same-origin opener and resources, and
 * HSTS in production only (a development server on http://localhost must not pin HTTPS).
 */
export default fp(
  async (app) => {
    const { production, publicUrl } = app.config;
    await app.register(helmet, {
      contentSecurityPolicy: contentSecurityPolicy(publicUrl, production),
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    });
    if (app.config.graphiql) {
      app.addHook('onSend', async (request, reply) => {
        if (request.url.startsWith('/graphiql')) reply.header('content-security-policy', GRAPHIQL_POLICY);
      });
    }
  },
  { name: 'security' },
);
