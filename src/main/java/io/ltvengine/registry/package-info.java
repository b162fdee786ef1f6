/**
 * A small Confluent-compatible Schema Registry client and Avro serdes, so that the engine needs no
 * Confluent jars (they are not on Maven Central).
 *
 * <p>Compatibility with Confluent:
 *
 * <ul>
 *   <li>Wire format: magic byte 0, 4-byte big-endian schema id, Avro binary; the bytes equal those
 *       of Confluent's {@code KafkaAvroSerializer} for the same schema id.
 *   <li>Subjects follow the default TopicNameStrategy ({@code <topic>-value}, {@code <topic>-key});
 *       the schema is registered as {@code Schema.toString()}, the text Confluent registers, so a
 *       real registry hands out the same ids to both.
 *   <li>Config keys are Confluent's: {@code schema.registry.url} (comma-separated, or
 *       {@code mock://scope}), {@code auto.register.schemas}, {@code use.latest.version},
 *       {@code basic.auth.credentials.source} ({@code URL} or {@code USER_INFO}),
 *       {@code basic.auth.user.info}, {@code schema.registry.ssl.*}, {@code http.*.timeout.ms}.
 *   <li>Not supported: schema references, other subject name strategies, JSON Schema, Protobuf.
 * </ul>
 *
 * <p>Errors differ on purpose: a bad record throws {@link InvalidWireFormatException} (a Kafka
 * {@code SerializationException}, fit for a dead-letter queue); an unreachable or failing registry
 * throws {@link SchemaRegistryUnavailableException}, which is not, so no data is dropped while the
 * registry is down. Kafka Streams hands any exception thrown while deserializing to its
 * {@code DeserializationExceptionHandler}, which must therefore fail on the latter and only route
 * the former.
 */
package io.ltvengine.registry;
