package io.ltvengine.app.service;

import io.ltvengine.avro.ChurnRiskTier;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.LifecycleSegment;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An audience query: optional segment and risk tier, a page size, and the last customer id of the
 * previous page (keyset paging, so pages stay consistent while customers are added).
 *
 * @param segment null for any segment
 * @param risk null for any risk tier
 * @param cursor null for the first page
 */
public record CustomerFilter(LifecycleSegment segment, ChurnRiskTier risk, int limit, String cursor) {

  public boolean matches(CustomerLtv customer) {
    return (segment == null || segment == customer.getSegment())
        && (risk == null || risk == customer.getChurnRiskTier());
  }

  /** The filter as URL query parameters, for the fan-out to other instances. */
  public String toQuery() {
    List<String> parameters = new ArrayList<>();
    if (segment != null) {
      parameters.add("segment=" + segment);
    }
    if (risk != null) {
      parameters.add("risk=" + risk);
    }
    parameters.add("limit=" + limit);
    if (cursor != null) {
      parameters.add("cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
    }
    return String.join("&", parameters);
  }
}
