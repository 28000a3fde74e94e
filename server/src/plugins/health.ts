import fp from 'fastify-plugin';

/** `/healthz`: the process answers. `/readyz`: it can also reach its database. */
export default fp(
  async (app) => {
    app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));
    app.get('/readyz', { logLevel: 'warn' }, async (_request, reply) => {
      try {
        await app.database.ping();
        return { status: 'ready' };
      } catch (error) {
        app.log.warn({ err: error }, 'Readiness check failed');
        return reply.code(503).send({ status: 'unavailable' });
      }
    });
  },
  { name: 'health', dependencies: ['database'] },
);
