package dev.protoshift.versioning.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.protoshift.versioning.ClientCapabilities;
import dev.protoshift.versioning.DecisionReason;
import dev.protoshift.versioning.Handshake;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.versioning.ProtocolVersion;
import dev.protoshift.versioning.RolloutDecision;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;

class RolloutPolicyTest {

  private static final List<String> ROOMS = List.of("test", "dev", "tournament", "lobby", "r1", "r2", "r3", "room-42");
  private static final List<String> VERSIONS = List.of("1.0.0", "1.1.0-beta.2", "1.1.0", "1.2.0");

  /** The seed's config.yaml: enabled, 50%, forced rooms. */
  private static RolloutConfig seed(boolean enabled, String percent) {
    return RolloutConfig.of(RolloutOverrides.builder().enabled(enabled).rolloutPercentage(new BigDecimal(percent))
        .forceEnableRooms(List.of("test", "dev")).forceDisableRooms(List.of("tournament")).build());
  }

  private static RolloutContext context(String room, String player, String version) {
    return new RolloutContext(room, Optional.ofNullable(player), "conn-1", version != null,
        Optional.ofNullable(version).map(ProtocolVersion::parse));
  }

  @ParameterizedTest(name = "room {0}, client {1}, enabled {2}, {3}% -> {4}")
  @CsvSource(nullValues = "-", value = {
      // The seed's shouldUseProtobuf, case by case.
      "tournament, 1.1.0, true,  100, forced_off",
      "tournament, 1.1.0, false, 100, forced_off",
      "test,       1.1.0, true,  0,   forced_on",
      "dev,        1.1.0, false, 0,   forced_on",
      "test,       -,     true,  100, no_client_support",
      "test,       -,     false, 100, kill_switch",
      "lobby,      1.1.0, false, 100, kill_switch",
      "lobby,      -,     true,  100, no_client_support",
      "lobby,      1.1.0, true,  0,   out_of_rollout",
      "lobby,      1.1.0, true,  100, in_rollout",
      // room-42 is bucket 2599 under the default salt (docs/rollout-hash.md).
      "room-42,    1.0.0, true,  26,    in_rollout",
      "room-42,    1.0.0, true,  25.99, out_of_rollout",
  })
  void decide_seedExamples(String room, String version, boolean enabled, String percent, String reason) {
    RolloutDecision d = RolloutPolicy.decide(seed(enabled, percent), context(room, null, version));

    assertThat(d.reason().code()).isEqualTo(reason);
    assertThat(d.protocol()).isEqualTo(d.reason().protocol());
  }

  @Test
  void decide_roomInBothForceLists_isForcedOff() {
    RolloutConfig both = RolloutConfig.of(RolloutOverrides.builder().enabled(true).rolloutPercentage(100)
        .forceEnableRooms(List.of("r1")).forceDisableRooms(List.of("r1")).build());

    assertThat(RolloutPolicy.decide(both, context("r1", null, "1.1.0")).reason()).isEqualTo(DecisionReason.FORCED_OFF);
  }

  @Test
  void decide_clientBelowMinVersion_isTooOld_evenInAForcedRoom() {
    RolloutConfig cfg = seed(true, "100").with(RolloutOverrides.builder()
        .minClientVersion(Optional.of(ProtocolVersion.parse("1.1.0"))).build());

    assertThat(RolloutPolicy.decide(cfg, context("lobby", null, "1.1.0-beta.2")).reason())
        .isEqualTo(DecisionReason.CLIENT_TOO_OLD);
    assertThat(RolloutPolicy.decide(cfg, context("test", null, "1.0.0")).reason())
        .isEqualTo(DecisionReason.CLIENT_TOO_OLD);
    assertThat(RolloutPolicy.decide(cfg, context("test", null, "1.1.0")).reason())
        .isEqualTo(DecisionReason.FORCED_ON);
  }

  @Test
  void decide_bucketByPlayerWithoutPlayer_isMissingBucketKey() {
    RolloutConfig cfg = seed(true, "100").with(RolloutOverrides.builder().bucketBy(BucketBy.PLAYER).build());

    assertThat(RolloutPolicy.decide(cfg, context("lobby", null, "1.1.0")).reason())
        .isEqualTo(DecisionReason.MISSING_BUCKET_KEY);
    assertThat(RolloutPolicy.decide(cfg, context("lobby", "p-7", "1.1.0")).reason())
        .isEqualTo(DecisionReason.IN_ROLLOUT);
  }

  @Test
  void bucket_followsBucketBy() {
    RolloutContext ctx = context("room-42", "player:7f3a9c", "1.1.0");
    RolloutConfig byRoom = RolloutConfig.defaults();

    assertThat(RolloutPolicy.bucket(byRoom, ctx)).hasValue(2599);
    assertThat(RolloutPolicy.bucket(byRoom.with(RolloutOverrides.builder().bucketBy(BucketBy.PLAYER).build()), ctx))
        .hasValue(RolloutHash.bucket("protoshift", "player:7f3a9c"));
    assertThat(RolloutPolicy.bucket(byRoom.with(RolloutOverrides.builder().bucketBy(BucketBy.CONNECTION).build()), ctx))
        .hasValue(RolloutHash.bucket("protoshift", "conn-1"));
  }

  @Test
  void gate_decidesWithTheConfigCurrentAtTheHandshake() {
    RolloutConfig[] current = {seed(true, "100")};
    ClientCapabilities client = new ClientCapabilities(Handshake.QUERY_PARAMETER, true,
        Optional.of(ProtocolVersion.parse("1.1.0")), Optional.of(ProtocolVersion.parse("1.1.0")));
    var gate = RolloutPolicy.gate(() -> current[0], c -> RolloutContext.of("lobby", "p1", "c1", c));

    assertThat(gate.decide(client).reason()).isEqualTo(DecisionReason.IN_ROLLOUT);
    current[0] = seed(false, "100");
    assertThat(gate.decide(client).reason()).isEqualTo(DecisionReason.KILL_SWITCH);
  }

  @Test
  void docsConfiguration_listsEveryReasonInDecisionOrder() {
    String doc = DocsPages.read("configuration.md");
    int previous = -1;
    for (DecisionReason reason : DecisionReason.values()) {
      int at = doc.indexOf("| `" + reason.code() + "`");
      assertThat(at).as(reason.code()).isGreaterThan(previous);
      previous = at;
    }
  }

  // ---- properties

  static Gen<RolloutConfig> configs() {
    return longs().all().map(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      RolloutOverrides.Builder b = RolloutOverrides.builder()
          .enabled(r.nextBoolean())
          .rolloutBasisPoints(r.nextInt(10_001))
          .forceEnableRooms(subset(r))
          .forceDisableRooms(subset(r))
          .bucketBy(BucketBy.values()[r.nextInt(3)])
          .salt("s" + r.nextInt(1000));
      if (r.nextBoolean()) {
        b.minClientVersion(Optional.of(ProtocolVersion.parse(VERSIONS.get(r.nextInt(VERSIONS.size())))));
      }
      return RolloutConfig.of(b.build());
    });
  }

  static Gen<RolloutContext> contexts() {
    return longs().all().map(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      String version = r.nextInt(4) == 0 ? null : VERSIONS.get(r.nextInt(VERSIONS.size()));
      String player = r.nextInt(4) == 0 ? null : "p" + r.nextInt(100);
      return new RolloutContext(ROOMS.get(r.nextInt(ROOMS.size())), Optional.ofNullable(player), "c" + r.nextInt(100),
          version != null, Optional.ofNullable(version).map(ProtocolVersion::parse));
    });
  }

  private static List<String> subset(SplittableRandom r) {
    List<String> out = new ArrayList<>();
    ROOMS.forEach(room -> {
      if (r.nextInt(4) == 0) {
        out.add(room);
      }
    });
    return out;
  }

  @Test
  void decide_isDeterministic() {
    qt().forAll(configs(), contexts()).checkAssert((cfg, ctx) ->
        assertThat(RolloutPolicy.decide(cfg, ctx)).isEqualTo(RolloutPolicy.decide(cfg, ctx)));
  }

  @Test
  void decide_neverGivesProtobufToAClientWithoutSupport() {
    qt().forAll(configs(), contexts()).checkAssert((cfg, ctx) -> {
      RolloutContext legacy = new RolloutContext(ctx.roomId(), ctx.playerId(), ctx.connectionId(), false,
          ctx.clientVersion());
      assertThat(RolloutPolicy.decide(cfg, legacy).protocol()).isEqualTo(Protocol.JSON);
    });
  }

  @Test
  void decide_forceDisableWinsOverEverything() {
    qt().forAll(configs(), contexts()).checkAssert((cfg, ctx) -> {
      RolloutConfig off = cfg.with(RolloutOverrides.builder()
          .forceDisableRooms(union(cfg.forceDisableRooms(), ctx.roomId()))
          .forceEnableRooms(union(cfg.forceEnableRooms(), ctx.roomId())).build());
      assertThat(RolloutPolicy.decide(off, ctx).reason()).isEqualTo(DecisionReason.FORCED_OFF);
    });
  }

  @Test
  void decide_forceEnableWinsOverKillSwitchAndPercentage_forCapableClients() {
    qt().forAll(configs(), contexts()).assuming((cfg, ctx) -> !cfg.forceDisableRooms().contains(ctx.roomId()))
        .checkAssert((cfg, ctx) -> {
          RolloutConfig forced = cfg.with(RolloutOverrides.builder()
              .forceEnableRooms(union(cfg.forceEnableRooms(), ctx.roomId())).build());
          boolean capable = ctx.protobufSupported() && cfg.minClientVersion()
              .map(min -> ctx.clientVersion().orElseThrow().isAtLeast(min)).orElse(true);
          RolloutDecision d = RolloutPolicy.decide(forced, ctx);
          if (capable) {
            assertThat(d.reason()).isEqualTo(DecisionReason.FORCED_ON);
          } else {
            assertThat(d.protocol()).isEqualTo(Protocol.JSON);
          }
        });
  }

  @Test
  void decide_killSwitchTurnsOffEveryoneOutsideForcedRooms() {
    qt().forAll(configs(), contexts()).checkAssert((cfg, ctx) -> {
      RolloutConfig killed = cfg.with(RolloutOverrides.builder().enabled(false).forceEnableRooms(List.of()).build());
      assertThat(RolloutPolicy.decide(killed, ctx).protocol()).isEqualTo(Protocol.JSON);
    });
  }

  @Test
  void decide_raisingThePercentageOnlyAddsConnections() {
    qt().forAll(contexts(), integers().between(0, 10_000), integers().between(0, 10_000), strings().basicLatinAlphabet()
            .ofLengthBetween(1, 8).map(s -> s.replaceAll("[^A-Za-z0-9]", "x")))
        .checkAssert((ctx, a, b, salt) -> {
          RolloutOverrides base = RolloutOverrides.builder().enabled(true).salt(salt).build();
          RolloutConfig low = RolloutConfig.of(base).with(RolloutOverrides.builder().rolloutBasisPoints(Math.min(a, b)).build());
          RolloutConfig high = RolloutConfig.of(base).with(RolloutOverrides.builder().rolloutBasisPoints(Math.max(a, b)).build());
          if (RolloutPolicy.decide(low, ctx).protocol() == Protocol.PROTOBUF) {
            assertThat(RolloutPolicy.decide(high, ctx).protocol()).isEqualTo(Protocol.PROTOBUF);
          }
        });
  }

  @Test
  void decide_protocolAlwaysMatchesTheReason() {
    qt().forAll(configs(), contexts()).checkAssert((cfg, ctx) -> {
      RolloutDecision d = RolloutPolicy.decide(cfg, ctx);
      assertThat(d.protocol()).isEqualTo(d.reason().protocol());
    });
  }

  private static Set<String> union(Set<String> rooms, String room) {
    Set<String> out = new java.util.LinkedHashSet<>(rooms);
    out.add(room);
    return out;
  }
}
