package dev.protoshift.tools.loadtest;

import dev.protoshift.versioning.Protocol;
import dev.protoshift.versioning.ProtocolVersion;
import java.util.Optional;

/**
 * What one load-test connection is: the room it joins, the protocol it would like, the schema
 * version it declares (none: a legacy JSON client), and how it says so.
 *
 * @param connection the connection's number, 0-based
 * @param room the room it joins
 * @param protocol the protocol it would like (the server's rollout decides what it gets)
 * @param version the version it declares, empty for a legacy JSON client
 * @param handshake how it declares it; empty for a legacy JSON client (it declares nothing)
 * @param urlIndex index of the URL it connects to
 */
public record ClientPlan(int connection, String room, Protocol protocol, Optional<ProtocolVersion> version,
    Optional<ClientHandshake> handshake, int urlIndex) {}
