package io.ltvengine.registry;

import org.apache.avro.Schema;

/** One registered version of a subject: global id, version within the subject, and schema. */
public record SchemaMetadata(String subject, int id, int version, Schema schema) {}
