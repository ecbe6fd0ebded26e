package dev.protoshift.session;

/**
 * What a session has sent so far.
 *
 * @param framesSent frames written to the transport
 * @param bytesSent their payload bytes
 * @param statesDropped states dropped because a newer one replaced them before they were sent
 * @param waiting frames waiting now (not counting the one being written)
 */
public record SessionStats(long framesSent, long bytesSent, long statesDropped, int waiting) {}
