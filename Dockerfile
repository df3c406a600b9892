# Counterpoint: the API server and loader in one static binary.
#
#   docker build -t counterpoint .
#   docker run --rm counterpoint --help
#
# docker-compose.yml uses this image for the one-shot `seed` (load) and the `api` (serve).

# ---- build ------------------------------------------------------------------------------------
FROM golang:1.26 AS build
WORKDIR /src
ENV CGO_ENABLED=0 GOFLAGS=-trimpath
# Module downloads first, so that they stay cached while only the sources change.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# The explorer's web bundle may later need a node stage here (npm ci && npm run build) whose
# output is copied in before this step; not yet.
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
