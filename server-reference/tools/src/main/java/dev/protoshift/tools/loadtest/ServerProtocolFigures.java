package dev.protoshift.tools.loadtest;

/**
 * The server's own figures for one protocol over the measured window, from its Prometheus
 * {@code /metrics} (the difference between a scrape at the start of the window and one at its
 * end; percentiles from the histogram buckets, as Prometheus's {@code histogram_quantile}).
 *
 * @param protocol {@code protobuf} or {@code json}
 * @param encodes per-cohort encodes in the window
 * @param encodeP50Ms median time to convert and encode one message for a cohort, milliseconds
 * @param encodeP99Ms 99th percentile of the same
 * @param decodes inbound messages decoded
 * @param decodeP99Ms 99th percentile time to decode one inbound message, milliseconds
 * @param bytesSent bytes the server sent in WebSocket messages
 * @param decodeErrors inbound messages that failed to decode
 * @param droppedUpdates state updates dropped for slow connections
 */
public record ServerProtocolFigures(String protocol, long encodes, double encodeP50Ms, double encodeP99Ms,
    long decodes, double decodeP99Ms, long bytesSent, long decodeErrors, long droppedUpdates) {}
