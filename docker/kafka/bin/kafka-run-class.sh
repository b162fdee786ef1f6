#!/usr/bin/env bash
# Stand-in for the distribution's kafka-run-class.sh: runs a main class on the broker classpath and honours
# the same JVM option variables (KAFKA_HEAP_OPTS, KAFKA_OPTS, ...). Usage: kafka-run-class.sh CLASS [ARGS]
set -euo pipefail
kafka_home=$(cd "$(dirname "$0")/.." && pwd)

heap_opts=${KAFKA_HEAP_OPTS:--Xmx256M}
performance_opts=${KAFKA_JVM_PERFORMANCE_OPTS:--server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
-XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true}
log4j_opts=${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=$kafka_home/config/tools-log4j2.yaml}

# The option variables hold several space-separated options each: word splitting is intended.
# shellcheck disable=SC2086
exec java $heap_opts $performance_opts ${KAFKA_GC_LOG_OPTS:-} ${KAFKA_JMX_OPTS:-} $log4j_opts ${KAFKA_OPTS:-} \
  -cp "$kafka_home/libs/*" "$@"
