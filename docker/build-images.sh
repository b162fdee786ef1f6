#!/usr/bin/env bash
# Builds, without any image registry, the Docker images the integration tests and docker-compose need:
#   JRE_IMAGE    Debian bookworm + OpenJDK 17 JRE, made with debootstrap         (default ltv/jre17:bookworm)
#   KAFKA_IMAGE  Kafka broker from Maven Central jars, drop-in for apache/kafka  (default ltv/kafka:4.3.1)
#   APP_IMAGE    the application, from target/ltv-engine.jar (run `mvn package` first) (default ltv-engine:0.1.0-SNAPSHOT)
# Idempotent: an existing image is kept unless its sources changed (or --rebuild is given); the app image is
# rebuilt whenever target/ltv-engine.jar changed. Installs docker.io and debootstrap with apt and starts dockerd
# when they are missing, so it also works on a fresh Debian machine behind a firewall.
#
# Usage: docker/build-images.sh [--rebuild] [--no-app]
# Then:  mvn verify -Dkafka.image=ltv/kafka:4.3.1 -Dapp.image=ltv-engine:0.1.0-SNAPSHOT
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT
readonly JRE_IMAGE=${JRE_IMAGE:-ltv/jre17:bookworm}
readonly KAFKA_IMAGE=${KAFKA_IMAGE:-ltv/kafka:4.3.1}
readonly APP_IMAGE=${APP_IMAGE:-ltv-engine:0.1.0-SNAPSHOT}
readonly DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
readonly DOCKERD_LOG=${DOCKERD_LOG:-/var/log/dockerd.log}
readonly SOURCE_LABEL=io.ltvengine.source-sha256

rebuild=false
build_app=true

log() {
  echo "[build-images $(date +%T)] $*" >&2
}

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# Prints how long the given command took, so slow steps show up in CI logs.
timed() {
  local start=$SECONDS
  "$@"
  log "$1 took $((SECONDS - start)) s"
}

parse_arguments() {
  local argument
  for argument in "$@"; do
    case $argument in
      --rebuild) rebuild=true ;;
      --no-app) build_app=false ;;
      *) echo "usage: $0 [--rebuild] [--no-app]" >&2; exit 2 ;;
    esac
  done
}

install_packages() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  if ((${#missing[@]} > 0)); then
    log "installing ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}

# On a systemd machine the docker service is used; elsewhere (CI containers) dockerd runs in the background.
start_docker() {
  if docker info >/dev/null 2>&1; then
    return
  fi
  if [[ -d /run/systemd/system ]]; then
    as_root systemctl start docker
  else
    log "starting dockerd, log in $DOCKERD_LOG"
    as_root sh -c "nohup dockerd >'$DOCKERD_LOG' 2>&1 &"
  fi
  local _
  for _ in $(seq 60); do
    docker info >/dev/null 2>&1 && return
    sleep 1
  done
  log "dockerd did not come up within 60 s; last lines of $DOCKERD_LOG:"
  tail -n 20 "$DOCKERD_LOG" >&2 || true
  exit 1
}

image_exists() {
  docker image inspect "$1" >/dev/null 2>&1
}

image_source_hash() {
  docker image inspect --format "{{ index .Config.Labels \"$SOURCE_LABEL\" }}" "$1" 2>/dev/null || true
}

# Hash of the given files and of the base image: an image labelled with another hash is out of date.
source_hash() {
  { sha256sum "$@"; docker image inspect --format '{{.Id}}' "$JRE_IMAGE"; } | sha256sum | cut -d' ' -f1
}

needs_build() {
  local image=$1 hash=$2
  [[ $rebuild == true ]] || [[ $(image_source_hash "$image") != "$hash" ]]
}

build_jre_image() {
  if image_exists "$JRE_IMAGE" && [[ $rebuild == false ]]; then
    log "$JRE_IMAGE exists"
    return
  fi
  local rootfs
  rootfs=$(mktemp -d /var/tmp/jre-rootfs.XXXXXX)
  log "debootstrapping $JRE_IMAGE into $rootfs"
  as_root debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$rootfs" "$DEBIAN_MIRROR" \
    >"$rootfs.log" 2>&1 || { tail -n 30 "$rootfs.log" >&2; exit 1; }
  as_root rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  as_root tar -C "$rootfs" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
    --change 'CMD ["/bin/bash"]' \
    - "$JRE_IMAGE" >/dev/null
  as_root rm -rf "$rootfs" "$rootfs.log"
  built+=("$JRE_IMAGE")
}

build_kafka_image() {
  local dir=$ROOT/docker/kafka hash
  hash=$(cd "$dir" && source_hash Dockerfile pom.xml bin/* etc-kafka-docker/*)
  if ! needs_build "$KAFKA_IMAGE" "$hash"; then
    log "$KAFKA_IMAGE is up to date"
    return
  fi
  log "fetching the Kafka jars from Maven Central"
  rm -rf "$dir/target/libs"
  mvn -B -q -Dstyle.color=never -f "$dir/pom.xml" dependency:copy-dependencies
  docker build -q --build-arg BASE_IMAGE="$JRE_IMAGE" --label "$SOURCE_LABEL=$hash" -t "$KAFKA_IMAGE" "$dir" >/dev/null
  built+=("$KAFKA_IMAGE")
}

# The app image's context is the repository root, narrowed by /.dockerignore to the jar.
build_app_image() {
  local jar=$ROOT/target/ltv-engine.jar hash
  if [[ ! -f $jar ]]; then
    log "skipping $APP_IMAGE: $jar not found (run mvn package first)"
    return
  fi
  hash=$(cd "$ROOT" && source_hash target/ltv-engine.jar docker/Dockerfile)
  if ! needs_build "$APP_IMAGE" "$hash"; then
    log "$APP_IMAGE is up to date"
    return
  fi
  docker build -q --build-arg BASE_IMAGE="$JRE_IMAGE" --label "$SOURCE_LABEL=$hash" \
    -f "$ROOT/docker/Dockerfile" -t "$APP_IMAGE" "$ROOT" >/dev/null
  built+=("$APP_IMAGE")
}

main() {
  parse_arguments "$@"
  built=()
  timed install_packages
  timed start_docker
  timed build_jre_image
  timed build_kafka_image
  if [[ $build_app == true ]]; then
    timed build_app_image
  fi
  log "built: ${built[*]:-nothing, all images up to date}"
  echo "JRE_IMAGE=$JRE_IMAGE"
  echo "KAFKA_IMAGE=$KAFKA_IMAGE"
  echo "APP_IMAGE=$APP_IMAGE"
}

main "$@"
