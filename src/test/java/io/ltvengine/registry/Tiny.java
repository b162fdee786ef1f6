package io.ltvengine.registry;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/** A hand-written SpecificRecord small enough to write its Avro bytes down by hand. */
public final class Tiny extends SpecificRecordBase {

  public static final Schema SCHEMA$ = new Schema.Parser().parse(
      "{\"type\":\"record\",\"name\":\"Tiny\",\"namespace\":\"io.ltvengine.registry\","
          + "\"fields\":[{\"name\":\"s\",\"type\":\"string\"},{\"name\":\"n\",\"type\":\"int\"}]}");

  private CharSequence s;
  private int n;

  public Tiny() {}

  public Tiny(CharSequence s, int n) {
    this.s = s;
    this.n = n;
  }

  @Override
  public Schema getSchema() {
    return SCHEMA$;
  }

  @Override
  public Object get(int field) {
    return field == 0 ? s : n;
  }

  @Override
  public void put(int field, Object value) {
    if (field == 0) {
      s = (CharSequence) value;
    } else {
      n = (Integer) value;
    }
  }
}
