# Production image: builds the whole workspace, then keeps only what runs.
#
# Node.js 24 LTS (Node.js 20 reached its end of life on 30 April 2026) in both stages, so that native
# modules are installed and run by the same Node.js. argon2 ships prebuilt binaries in its package
# (prebuilds/linux-x64/argon2.glibc.node here: node-gyp-build picks glibc or musl when it loads) and
# finds them at run time; they need Node-API 10, which Node.js 20 lacks (there the binary crashed on
# load, and a rebuild needs python3, make and g++, which this slim image does not have). So no install
# script runs (`--ignore-scripts`: argon2's would only test the prebuilt binary, or compile), and the
# final stage proves that the binding loads before the image can be built.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.base.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY web/package.json web/
COPY e2e/package.json e2e/
COPY bench/package.json bench/
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --ignore-scripts

FROM node:24-bookworm-slim
# The container's own interface: the port is published by Docker, not by listening everywhere on a host.
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/shared/package.json shared/
COPY --from=build /app/shared/dist shared/dist
COPY --from=build /app/server/package.json server/
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/web/dist web/dist
# The server renderer of the public pages; it imports React and the app's libraries from node_modules.
COPY --from=build /app/web/dist-ssr web/dist-ssr
COPY --from=build /app/web/package.json web/
COPY --from=build /app/migrations migrations
USER node
# The build fails unless argon2's native binding loads and works here, through the server's own module
# (the same import path and parameters as sign-in): a hash made and verified, a wrong password refused.
RUN node --input-type=module -e "\
  const { hashPassword, verifyPassword } = await import('/app/server/dist/modules/accounts/passwords.js');\
  const hash = await hashPassword('image smoke check');\
  const works = hash.startsWith('\$argon2id\$') && (await verifyPassword(hash, 'image smoke check')) && !(await verifyPassword(hash, 'wrong'));\
  if (!works) { console.error('argon2 does not work in this image'); process.exit(1); }\
  console.log('argon2 loads and verifies on Node.js', process.version);"
EXPOSE 3000
CMD ["node", "server/dist/server.js"]
