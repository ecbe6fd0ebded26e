package dev.protoshift.versioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The subprotocol handshake: the server picks, from the client's offers in the client's order,
 * the first protobuf name whose version it accepts if the gate decides protobuf, otherwise the
 * first acceptable JSON name, otherwise none (which also means JSON).
 */
final class SubprotocolNegotiation {

  private record Offer(Subprotocol name, VersionCheck check) {}

  private SubprotocolNegotiation() {}

  static Negotiation negotiate(Negotiator negotiator, List<Subprotocol> offers, ProtocolGate gate) {
    List<Offer> protobuf = new ArrayList<>();
    List<Offer> json = new ArrayList<>();
    Offer firstRefused = null;
    for (Subprotocol s : offers) {
      Offer offer = new Offer(s, negotiator.supported().classifyLine(s.major(), s.minor()));
      if (offer.check().isAccepted()) {
        (s.protocol() == Protocol.PROTOBUF ? protobuf : json).add(offer);
      } else if (firstRefused == null) {
        firstRefused = offer;
      }
    }
    if (protobuf.isEmpty() && json.isEmpty()) {
      VersionCheck c = firstRefused.check();
      return negotiator.reject(Handshake.SUBPROTOCOL, new VersionCheck(c.status(), c.declared(), c.agreed(),
          "subprotocol " + firstRefused.name().name() + ": " + c.detail()));
    }
    Offer primary = protobuf.isEmpty() ? json.get(0) : protobuf.get(0);
    ClientCapabilities client = new ClientCapabilities(Handshake.SUBPROTOCOL, !protobuf.isEmpty(),
        primary.check().declared(), primary.check().agreed());
    RolloutDecision decision = Negotiator.decide(gate, client);
    Offer chosen = decision.protocol() == Protocol.PROTOBUF ? protobuf.get(0) : json.isEmpty() ? null : json.get(0);
    Offer versionSource = chosen == null ? primary : chosen;
    return new Agreement(Handshake.SUBPROTOCOL, client, versionSource.check().status(), versionSource.check().agreed(),
        negotiator.featuresAt(versionSource.check().agreed()), decision,
        Optional.ofNullable(chosen).map(o -> o.name().name()));
  }
}
