package io.ltvengine.app.service;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro records as plain maps for Jackson: generated classes carry their schema as a property and
 * timestamps as Instants, neither of which Jackson writes the way API clients expect.
 */
public final class AvroJson {

  private AvroJson() {}

  public static Map<String, Object> toMap(SpecificRecord record) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (Schema.Field field : record.getSchema().getFields()) {
      map.put(field.name(), plain(record.get(field.pos())));
    }
    return map;
  }

  private static Object plain(Object value) {
    if (value instanceof SpecificRecord record) {
      return toMap(record);
    }
    if (value instanceof CharSequence || value instanceof Enum<?> || value instanceof Temporal) {
      return value.toString();
    }
    if (value instanceof List<?> list) {
      List<Object> plain = new ArrayList<>();
      list.forEach(item -> plain.add(plain(item)));
      return plain;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> plain = new LinkedHashMap<>();
      map.forEach((key, item) -> plain.put(key.toString(), plain(item)));
      return plain;
    }
    return value;
  }
}
