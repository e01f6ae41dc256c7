# The Rovo MCP mock as a service for other CI systems (README, "Container targets and the mock image"):
#   docker build -t rovo-mcp-mock .
#   docker run --rm -p 127.0.0.1:8080:8080 rovo-mcp-mock        # MCP at http://127.0.0.1:8080/v1/mcp
#   docker run --rm -p 127.0.0.1:8080:8080 rovo-mcp-mock --profile legacy-captures
# The image holds one bundled file and the fixtures it reads. Where no registry is reachable,
# scripts/container-runtime.sh build assembles the same app, entry point and settings on a bare Node
# root filesystem instead (harness/containers/images.ts; a test keeps the two in step).
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN node --import tsx harness/containers/build.ts app mock /app

FROM node:20-bookworm-slim
COPY --from=build /app /app
# The entry point reads PORT and HOST; inside a container it binds every interface so the
# published port reaches it (npm run mock binds 127.0.0.1 only).
ENV PORT=8080 HOST=0.0.0.0
EXPOSE 8080
USER node
ENTRYPOINT ["node", "/app/rovo-mock.mjs"]
