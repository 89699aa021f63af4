# One image for the case engine's three commands (docker-compose.yml): deploy-setup (migrations, search
# attributes), the API with the web UI, the worker. Built the way `npm start` builds: scripts/bootstrap.sh.
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN bash scripts/bootstrap.sh

FROM node:20.20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
# The whole tree: the Prisma CLI and prisma/migrations are needed at run time by deploy-setup.
COPY --from=build --chown=node:node /app /app
USER node
CMD ["node", "dist/api/main.js"]
