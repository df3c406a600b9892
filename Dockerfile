# Counterpoint: the API server and loader in one static binary.
#
#   docker build -t counterpoint .
#   docker run --rm counterpoint --help
#
# docker-compose.yml uses this image for the one-shot `seed` (load) and the `api` (serve).

# ---- the explorer's bundle (npm packages from the registry, built with Vite) --------------------
FROM node:20 AS web
WORKDIR /src/web
COPY web/package.json web/package-lock.json web/.npmrc ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build

# ---- build ------------------------------------------------------------------------------------
FROM golang:1.26 AS build
WORKDIR /src
ENV CGO_ENABLED=0 GOFLAGS=-trimpath
# Module downloads first, so that they stay cached while only the sources change.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# The binary embeds the explorer's bundle (go:embed in web/).
COPY --from=web /src/web/dist ./web/dist
RUN go build -ldflags="-s -w" -o /out/counterpoint ./cmd/counterpoint

# ---- run --------------------------------------------------------------------------------------
# The binary is static; the final image holds it, CA certificates (for neo4j+s:// URIs) and the data.
FROM scratch
WORKDIR /
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /out/counterpoint /counterpoint
# The data sets, so that `counterpoint load data/<file>.json` resolves against WORKDIR /.
COPY data/ /data/
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["/counterpoint"]
CMD ["serve"]
