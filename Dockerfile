# One image for the API and the worker; the command chooses the role.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json nest-cli.json schema.gql ./
COPY scripts/build.mjs ./scripts/
COPY web ./web
COPY src ./src
# dist is a link to the build in .builds/; the image takes the build itself.
RUN npm run build && mv "$(readlink -f dist)" /app/built && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/built ./dist
COPY package.json ./
USER node
EXPOSE 3000
CMD ["node", "dist/main.js"]
