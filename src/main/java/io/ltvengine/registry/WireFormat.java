package io.ltvengine.registry;

/** Confluent's framing and naming rules shared by the serializer and the deserializer. */
final class WireFormat {

  /** First byte of every framed record. */
  static final byte MAGIC_BYTE = 0;
  /** Magic byte plus the 4-byte big-endian schema id. */
  static final int HEADER_SIZE = 5;

  private WireFormat() {}

  static int readId(byte[] data) {
    return (data[1] & 0xff) << 24
        | (data[2] & 0xff) << 16
        | (data[3] & 0xff) << 8
        | (data[4] & 0xff);
  }
}
