package io.ltvengine.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PathSegmentTest {

  @Test
  void shouldEncodeAnIdSoThatThePathDecodesBackToIt() {
    String id = "a b+c/dé?#%";

    String encoded = PathSegment.encode(id);

    assertThat(encoded).isEqualTo("a%20b%2Bc%2Fd%C3%A9%3F%23%25");
    assertThat(URI.create("http://peer/api/customers/" + encoded).getPath()).isEqualTo("/api/customers/" + id);
  }
}
