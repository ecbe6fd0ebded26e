package dev.protoshift.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NegotiatorTest {

  static final ProtocolFeatures FEATURES = ProtocolFeatures.builder()
      .add("dag", "1.1.0").add("inventory", "1.1.0").add("story", "1.1.0").build();
  static final Negotiator NEGOTIATOR = Negotiator.builder(SupportedVersions.between("1.0.0", "1.2.0"))
      .features(FEATURES).build();

  /** Protobuf for every client that offers it: what a 100% rollout decides. */
  static final ProtocolGate PROTOBUF_IF_OFFERED = client -> RolloutDecision.of(
      client.protobufOffered() ? DecisionReason.IN_ROLLOUT : DecisionReason.NO_CLIENT_SUPPORT);
  static final ProtocolGate ALWAYS_JSON = client -> RolloutDecision.of(DecisionReason.OUT_OF_ROLLOUT);

  static Negotiation negotiate(Handshake handshake, String version, ProtocolGate gate) {
    return switch (handshake) {
      case QUERY_PARAMETER -> NEGOTIATOR.onUpgrade(
          Map.of("room", List.of("r1"), "proto_version", List.of(version)), List.of(), gate);
      case HELLO -> NEGOTIATOR.onFirstTextFrame("{\"type\":\"hello\",\"protocol\":\"protobuf\",\"version\":\""
          + version + "\",\"features\":[\"dag\",\"inventory\",\"story\"]}", gate).orElseThrow();
      case SUBPROTOCOL -> NEGOTIATOR.onUpgrade(Map.of(), List.of("protoshift.protobuf.v" + version), gate);
      case NONE -> throw new AssertionError();
    };
  }

  @ParameterizedTest(name = "{0} {1}: {2} {3}")
  @CsvSource(nullValues = "-", value = {
      // handshake,   client, outcome,          agreed
      "QUERY_PARAMETER, 1.2.0, current,           1.2.0",
      "QUERY_PARAMETER, 1.0.0, older_supported,   1.0.0",
      "QUERY_PARAMETER, 1.3.0, newer_compatible,  1.2.0",
      "QUERY_PARAMETER, 2.0.0, unsupported_major, -",
      "QUERY_PARAMETER, 0.9.0, too_old,           -",
      "QUERY_PARAMETER, 1.x,   malformed_version, -",
      "HELLO,           1.2.0, current,           1.2.0",
      "HELLO,           1.0.0, older_supported,   1.0.0",
      "HELLO,           1.3.0, newer_compatible,  1.2.0",
      "HELLO,           2.0.0, unsupported_major, -",
      "HELLO,           0.9.0, too_old,           -",
      "HELLO,           1.x,   malformed_version, -",
      "SUBPROTOCOL,     1.2,   current,           1.2.0",
      "SUBPROTOCOL,     1.0,   older_supported,   1.0.0",
      "SUBPROTOCOL,     1.3,   newer_compatible,  1.2.0",
      "SUBPROTOCOL,     2.0,   unsupported_major, -",
      "SUBPROTOCOL,     0.9,   too_old,           -",
      "SUBPROTOCOL,     1.x,   malformed_subprotocol, -",
  })
  void negotiate_matrix(Handshake handshake, String client, String outcome, String agreed) {
    Negotiation n = negotiate(handshake, client, PROTOBUF_IF_OFFERED);

    assertThat(n.handshake()).isEqualTo(handshake);
    if (agreed != null) {
      Agreement a = (Agreement) n;
      assertThat(a.versionStatus().code()).isEqualTo(outcome);
      assertThat(a.version()).map(Object::toString).hasValue(agreed);
      assertThat(a.protocol()).isEqualTo(Protocol.PROTOBUF);
      assertThat(a.features()).isEqualTo(FEATURES.availableAt(ProtocolVersion.parse(agreed)));
    } else {
      Rejection r = (Rejection) n;
      assertThat(r.reason().code()).isEqualTo(outcome);
      assertThat(r.detail()).contains(client);
      assertThat(r.supported()).isEqualTo(NEGOTIATOR.supported());
      assertThat(r.toJson()).contains("\"supported\":{\"oldest\":\"1.0.0\",\"current\":\"1.2.0\"}");
    }
  }

  @Test
  void negotiate_clientNewerMinor_agreesOnServerVersion() {
    Agreement a = (Agreement) negotiate(Handshake.QUERY_PARAMETER, "1.3.0", PROTOBUF_IF_OFFERED);

    assertThat(a.client().declaredVersion()).map(Object::toString).hasValue("1.3.0");
    assertThat(a.version()).map(Object::toString).hasValue("1.2.0");
  }

  @Test
  void onUpgrade_noVersionAnywhere_isLegacyJson() {
    Agreement a = (Agreement) NEGOTIATOR.onUpgrade(Map.of("room", List.of("r1")), List.of(), PROTOBUF_IF_OFFERED);

    assertThat(a.handshake()).isEqualTo(Handshake.NONE);
    assertThat(a.protocol()).isEqualTo(Protocol.JSON);
    assertThat(a.decision().reason()).isEqualTo(DecisionReason.NO_CLIENT_SUPPORT);
    assertThat(a.versionStatus()).isEqualTo(VersionStatus.NOT_DECLARED);
    assertThat(a.version()).isEmpty();
    assertThat(a.subprotocol()).isEmpty();
  }

  @Test
  void onUpgrade_emptyProtoVersion_meansAbsent() {
    Negotiation n = NEGOTIATOR.onUpgrade("room=r1&proto_version=", List.of(), PROTOBUF_IF_OFFERED);

    assertThat(n.handshake()).isEqualTo(Handshake.NONE);
  }

  @Test
  void onUpgrade_rawQuery_isPercentDecoded() {
    Agreement a = (Agreement) NEGOTIATOR.onUpgrade("room=a%20b&proto_version=1.1.0%2Bbuild.7", null,
        PROTOBUF_IF_OFFERED);

    assertThat(a.version()).map(Object::toString).hasValue("1.1.0");
    assertThat(a.handshake()).isEqualTo(Handshake.QUERY_PARAMETER);
  }

  @Test
  void onUpgrade_badPercentEncoding_isMalformedQuery() {
    Rejection r = (Rejection) NEGOTIATOR.onUpgrade("room=r&proto_version=1.1.0%G1", List.of(), PROTOBUF_IF_OFFERED);

    assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED_QUERY);
    assertThat(r.detail()).contains("proto_version=1.1.0%G1");
  }

  @Test
  void onUpgrade_protoVersionTwiceWithDifferentValues_isMalformedQuery() {
    Rejection r = (Rejection) NEGOTIATOR.onUpgrade("proto_version=1.1.0&proto_version=1.2.0", List.of(),
        PROTOBUF_IF_OFFERED);

    assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED_QUERY);
    assertThat(NEGOTIATOR.onUpgrade("proto_version=1.1.0&proto_version=1.1.0", List.of(), PROTOBUF_IF_OFFERED))
        .isInstanceOf(Agreement.class);
  }

  @Test
  void onUpgrade_queryButRolloutSaysJson_keepsTheVersion() {
    Agreement a = (Agreement) negotiate(Handshake.QUERY_PARAMETER, "1.1.0", ALWAYS_JSON);

    assertThat(a.protocol()).isEqualTo(Protocol.JSON);
    assertThat(a.decision().reason()).isEqualTo(DecisionReason.OUT_OF_ROLLOUT);
    assertThat(a.version()).map(Object::toString).hasValue("1.1.0");
    assertThat(a.client().protobufOffered()).isTrue();
  }

  @Test
  void onUpgrade_subprotocolWinsOverQuery() {
    Agreement a = (Agreement) NEGOTIATOR.onUpgrade(Map.of("proto_version", List.of("1.0.0")),
        List.of("protoshift.protobuf.v1.1"), PROTOBUF_IF_OFFERED);

    assertThat(a.handshake()).isEqualTo(Handshake.SUBPROTOCOL);
    assertThat(a.version()).map(Object::toString).hasValue("1.1.0");
  }

  @Test
  void onUpgrade_subprotocols_picksFirstAcceptableProtobufInClientOrder() {
    Agreement a = (Agreement) NEGOTIATOR.onUpgrade(Map.of(),
        List.of("chat", "protoshift.protobuf.v2.0, protoshift.protobuf.v1.1", "protoshift.protobuf.v1.0",
            "protoshift.json.v1.1"), PROTOBUF_IF_OFFERED);

    assertThat(a.subprotocol()).hasValue("protoshift.protobuf.v1.1");
    assertThat(a.protocol()).isEqualTo(Protocol.PROTOBUF);
  }

  @Test
  void onUpgrade_subprotocolsAndRolloutSaysJson_picksTheJsonName() {
    Agreement a = (Agreement) NEGOTIATOR.onUpgrade(Map.of(),
        Subprotocol.offersFor(ProtocolVersion.parse("1.1.0")), ALWAYS_JSON);

    assertThat(a.subprotocol()).hasValue("protoshift.json.v1.1");
    assertThat(a.protocol()).isEqualTo(Protocol.JSON);
  }

  @Test
  void onUpgrade_onlyProtobufOfferedAndRolloutSaysJson_picksNoSubprotocol() {
    Agreement a = (Agreement) NEGOTIATOR.onUpgrade(Map.of(), List.of("protoshift.protobuf.v1.1"), ALWAYS_JSON);

    assertThat(a.subprotocol()).isEmpty();
    assertThat(a.protocol()).isEqualTo(Protocol.JSON);
    assertThat(a.version()).map(Object::toString).hasValue("1.1.0");
  }

  @Test
  void onUpgrade_onlyJsonOffered_clientDidNotOfferProtobuf() {
    Agreement a = (Agreement) NEGOTIATOR.onUpgrade(Map.of(), List.of("protoshift.json.v1.2"), PROTOBUF_IF_OFFERED);

    assertThat(a.client().protobufOffered()).isFalse();
    assertThat(a.decision().reason()).isEqualTo(DecisionReason.NO_CLIENT_SUPPORT);
    assertThat(a.subprotocol()).hasValue("protoshift.json.v1.2");
  }

  @Test
  void onUpgrade_unknownProtocolAndForeignSubprotocols_areIgnored() {
    Negotiation n = NEGOTIATOR.onUpgrade(Map.of("proto_version", List.of("1.1.0")),
        List.of("protoshift.flatbuffers.v3.0", "graphql-ws"), PROTOBUF_IF_OFFERED);

    assertThat(n.handshake()).isEqualTo(Handshake.QUERY_PARAMETER);
  }

  @Test
  void onUpgrade_tooManySubprotocols_isRefused() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i <= Negotiator.MAX_SUBPROTOCOL_OFFERS; i++) {
      many.add("protoshift.protobuf.v1." + i);
    }

    Rejection r = (Rejection) NEGOTIATOR.onUpgrade(Map.of(), many, PROTOBUF_IF_OFFERED);

    assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED_SUBPROTOCOL);
  }

  @Test
  void onFirstTextFrame_legacyMessage_isNotAHello() {
    assertThat(NEGOTIATOR.onFirstTextFrame("{\"type\":\"move\",\"x\":1}", PROTOBUF_IF_OFFERED)).isEmpty();
    assertThat(NEGOTIATOR.onFirstTextFrame("not json at all", PROTOBUF_IF_OFFERED)).isEmpty();
    assertThat(NEGOTIATOR.onFirstTextFrame("[\"hello\"]", PROTOBUF_IF_OFFERED)).isEmpty();
    assertThat(NEGOTIATOR.onFirstTextFrame("{\"type\":7}", PROTOBUF_IF_OFFERED)).isEmpty();
  }

  @Test
  void onFirstTextFrame_helloAck_isTheSeedsExampleWithAReason() {
    Negotiation n = NEGOTIATOR.onFirstTextFrame(
        "{\"type\":\"hello\",\"protocol\":\"protobuf\",\"version\":\"1.1.0\",\"features\":[\"dag\",\"inventory\",\"story\"]}",
        PROTOBUF_IF_OFFERED).orElseThrow();

    assertThat(n.toJson()).isEqualTo("{\"type\":\"hello_ack\",\"protocol\":\"protobuf\",\"version\":\"1.1.0\","
        + "\"features\":[\"dag\",\"inventory\",\"story\"],\"reason\":\"in_rollout\"}");
  }

  @Test
  void onFirstTextFrame_featuresAreIntersected_unknownOnesDropped() {
    Agreement a = (Agreement) NEGOTIATOR.onFirstTextFrame(
        "{\"type\":\"hello\",\"protocol\":\"protobuf\",\"version\":\"1.2.0\",\"features\":[\"story\",\"teleport\"],"
            + "\"client\":\"web 3.4\"}", PROTOBUF_IF_OFFERED).orElseThrow();

    assertThat(a.features()).containsExactly("story");
  }

  @Test
  void onFirstTextFrame_helloWithoutFeatureList_getsEveryFeatureOfItsVersion() {
    Agreement a = (Agreement) NEGOTIATOR.onFirstTextFrame(
        "{\"type\":\"hello\",\"protocol\":\"protobuf\",\"version\":\"1.2.0\"}", PROTOBUF_IF_OFFERED).orElseThrow();

    assertThat(a.features()).containsExactly("dag", "inventory", "story");
  }

  @Test
  void onFirstTextFrame_jsonHelloWithoutVersion_isAJsonAgreementWithoutVersion() {
    Agreement a = (Agreement) NEGOTIATOR.onFirstTextFrame("{\"type\":\"hello\",\"protocol\":\"json\"}",
        PROTOBUF_IF_OFFERED).orElseThrow();

    assertThat(a.protocol()).isEqualTo(Protocol.JSON);
    assertThat(a.toJson()).isEqualTo(
        "{\"type\":\"hello_ack\",\"protocol\":\"json\",\"features\":[],\"reason\":\"no_client_support\"}");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"type\":\"hello\",\"protocol\":\"protobuf\"}                        | \"version\" is required",
      "{\"type\":\"hello\",\"protocol\":\"cbor\",\"version\":\"1.1.0\"}      | \"protocol\" must be",
      "{\"type\":\"hello\",\"version\":\"1.1.0\"}                            | \"protocol\" must be",
      "{\"type\":\"hello\",\"protocol\":\"protobuf\",\"version\":110}        | \"version\" must be a string",
      "{\"type\":\"hello\",\"protocol\":\"protobuf\",\"version\":\"1.1.0\",\"features\":\"dag\"} | \"features\" must be a list",
      "{\"type\":\"hello\",\"protocol\":\"protobuf\",\"version\":\"1.1.0\",\"features\":[1]}     | entries must be strings",
      "{\"type\":\"hello\",\"protocol\":\"json\",\"protocol\":\"protobuf\"}  | Duplicate field",
      "{\"type\":\"hello\",\"protocol\":\"json\"} trailing                  | not valid JSON",
      "{\"type\":\"hello\",\"protocol\":\"json\"                             | not valid JSON",
      "{\"type\":\"hello\",\"a\":[[[[[[[[[[1]]]]]]]]]]}                      | not valid JSON",
  })
  void onFirstTextFrame_malformedHello_isRejectedNamingTheProblem(String frame, String problem) {
    Rejection r = (Rejection) NEGOTIATOR.onFirstTextFrame(frame, PROTOBUF_IF_OFFERED).orElseThrow();

    assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED_HELLO);
    assertThat(r.detail()).startsWith("hello: ").contains(problem);
  }

  @Test
  void onFirstTextFrame_helloOverTheLimit_isTooLarge() {
    Negotiator small = Negotiator.builder(NEGOTIATOR.supported()).maxHelloBytes(100).build();
    String padded = "{\"type\":\"hello\",\"protocol\":\"protobuf\",\"version\":\"1.1.0\",\"pad\":\""
        + "\u00e9".repeat(30) + "\"}";

    Rejection r = (Rejection) small.onFirstTextFrame(padded, PROTOBUF_IF_OFFERED).orElseThrow();

    assertThat(r.reason()).isEqualTo(RejectReason.HELLO_TOO_LARGE);
    assertThat(r.detail()).isEqualTo("hello is larger than 100 bytes");
  }

  @Test
  void negotiate_gateChoosingProtobufForALegacyClient_isOverruled() {
    Agreement a = (Agreement) NEGOTIATOR.onUpgrade(Map.of(), List.of(),
        client -> RolloutDecision.of(DecisionReason.FORCED_ON));

    assertThat(a.protocol()).isEqualTo(Protocol.JSON);
    assertThat(a.decision().reason()).isEqualTo(DecisionReason.NO_CLIENT_SUPPORT);
  }

  @Test
  void negotiate_gateSeesWhatTheClientOffered() {
    List<ClientCapabilities> seen = new ArrayList<>();
    negotiate(Handshake.HELLO, "1.3.0", client -> {
      seen.add(client);
      return RolloutDecision.of(DecisionReason.IN_ROLLOUT);
    });

    assertThat(seen).containsExactly(new ClientCapabilities(Handshake.HELLO, true,
        Optional.of(ProtocolVersion.parse("1.3.0")), Optional.of(ProtocolVersion.parse("1.2.0"))));
  }

  @Test
  void onFirstTextFrame_arbitraryText_neverThrows() {
    qt().withExamples(5_000).forAll(strings().allPossible().ofLengthBetween(0, 200)).checkAssert(s -> {
      assertThat(NEGOTIATOR.onFirstTextFrame(s, PROTOBUF_IF_OFFERED)).isNotNull();
      assertThat(NEGOTIATOR.onFirstTextFrame("{\"type\":\"hello\"," + s, PROTOBUF_IF_OFFERED)).isPresent();
    });
  }

  @Test
  void onUpgrade_arbitraryQueryAndSubprotocols_neverThrows() {
    qt().withExamples(5_000).forAll(strings().allPossible().ofLengthBetween(0, 100),
        strings().allPossible().ofLengthBetween(0, 60)).checkAssert((query, offer) -> {
          assertThat(NEGOTIATOR.onUpgrade(query, List.of(offer), PROTOBUF_IF_OFFERED)).isNotNull();
          assertThat(NEGOTIATOR.onUpgrade("proto_version=" + query, List.of("protoshift." + offer),
              PROTOBUF_IF_OFFERED)).isNotNull();
        });
  }

  @Test
  void builder_limitsAreValidated() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Negotiator.builder(NEGOTIATOR.supported()).maxHelloBytes(10))
        .hasMessage("maxHelloBytes must be 64..1048576, was 10");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Negotiator.builder(NEGOTIATOR.supported())
        .helloTimeout(Duration.ZERO)).hasMessage("helloTimeout must be positive, was PT0S");
  }
}
