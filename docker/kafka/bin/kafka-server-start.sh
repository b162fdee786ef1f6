#!/usr/bin/env bash
# Starts the broker. Usage: kafka-server-start.sh server.properties [--override property=value]...
kafka_home=$(cd "$(dirname "$0")/.." && pwd)
export KAFKA_LOG4J_OPTS=${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=$kafka_home/config/log4j2.yaml}
export KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xmx1G -Xms1G}
exec "$kafka_home/bin/kafka-run-class.sh" kafka.Kafka "$@"
