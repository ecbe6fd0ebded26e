package dev.protoshift.versioning.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.providers.memory.Flag;
import dev.openfeature.sdk.providers.memory.InMemoryProvider;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The OpenFeature source, driven by the SDK's in-memory provider (what flagd, Unleash or LaunchDarkly providers do for real). */
class OpenFeatureLayerTest {

  private static <T> Flag<?> flag(T value) {
    return Flag.builder().variant("on", value).defaultVariant("on").build();
  }

  private static Value rooms(String... ids) {
    return new Value(java.util.Arrays.stream(ids).map(Value::new).toList());
  }

  /** A client of its own domain, so tests do not share the SDK's global provider. */
  private static Client client(InMemoryProvider provider) {
    String domain = "protoshift-test-" + UUID.randomUUID();
    OpenFeatureAPI.getInstance().setProviderAndWait(domain, provider);
    return OpenFeatureAPI.getInstance().getClient(domain);
  }

  @Test
  void flags_setTheirKeys_missingFlagsFallThroughToTheFileLayer() {
    Map<String, Flag<?>> flags = new HashMap<>();
    flags.put("protobuf.enabled", flag(true));
    flags.put("protobuf.rollout_percentage", flag(12.5));
    flags.put("protobuf.force_enable_rooms", flag(rooms("vip", "qa")));
    flags.put("protobuf.bucket_by", flag("player"));

    try (RolloutConfigHolder holder = RolloutConfigHolder.builder().openFeature(client(new InMemoryProvider(flags)))
        .build()) {
      RolloutConfig cfg = holder.current();
      assertThat(cfg.enabled()).isTrue();
      assertThat(cfg.rolloutBasisPoints()).isEqualTo(1250);
      assertThat(cfg.forceEnableRooms()).containsExactly("vip", "qa");
      assertThat(cfg.bucketBy()).isEqualTo(BucketBy.PLAYER);
      assertThat(holder.layer(ConfigSource.OPENFEATURE).keys()).containsExactlyInAnyOrder(
          RolloutKey.ENABLED, RolloutKey.ROLLOUT_PERCENTAGE, RolloutKey.FORCE_ENABLE_ROOMS, RolloutKey.BUCKET_BY);
    }
  }

  @Test
  void integerPercentageAndCommaSeparatedRooms_areAccepted() {
    Map<String, Flag<?>> flags = Map.of(
        "protobuf.rollout_percentage", flag(30),
        "protobuf.force_disable_rooms", flag("tournament, finals"));

    try (RolloutConfigHolder holder = RolloutConfigHolder.builder().openFeature(client(new InMemoryProvider(flags)))
        .build()) {
      assertThat(holder.current().rolloutBasisPoints()).isEqualTo(3000);
      assertThat(holder.current().forceDisableRooms()).containsExactly("tournament", "finals");
    }
  }

  @Test
  void providerChange_isApplied_andHeardByListeners() {
    InMemoryProvider provider = new InMemoryProvider(Map.of("protobuf.enabled", flag(true)));
    RecordingListener events = new RecordingListener();
    try (RolloutConfigHolder holder = RolloutConfigHolder.builder().openFeature(client(provider)).listener(events)
        .build()) {
      provider.updateFlag("protobuf.enabled", flag(false));

      await().atMost(Duration.ofSeconds(5)).until(() -> !holder.current().enabled());
      assertThat(events.lastChange().source()).isEqualTo(ConfigSource.OPENFEATURE);
      assertThat(events.lastChange().previous().enabled()).isTrue();
    }
  }

  @Test
  void invalidFlagValue_isRefused_keepingTheLastGoodConfig() {
    InMemoryProvider provider = new InMemoryProvider(Map.of("protobuf.rollout_percentage", flag(20.0)));
    RecordingListener events = new RecordingListener();
    try (RolloutConfigHolder holder = RolloutConfigHolder.builder().openFeature(client(provider)).listener(events)
        .build()) {
      provider.updateFlag("protobuf.rollout_percentage", flag(140.0));

      await().atMost(Duration.ofSeconds(5)).until(() -> !events.rejections.isEmpty());
      assertThat(events.lastRejection().source()).isEqualTo(ConfigSource.OPENFEATURE);
      assertThat(events.lastRejection().message()).contains("protobuf.rollout_percentage must be 0..100, was 140");
      assertThat(holder.current().rolloutBasisPoints()).isEqualTo(2000);
    }
  }

  @Test
  void wronglyTypedFlag_isNamedInTheError() {
    Map<String, Flag<?>> flags = Map.of("protobuf.enabled", flag("yes"));

    assertThatThrownBy(() -> RolloutConfigHolder.builder().openFeature(client(new InMemoryProvider(flags))).build())
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("flag protobuf.enabled could not be evaluated: TYPE_MISMATCH");
  }

  @Test
  void environment_winsOverOpenFeature_andOpenFeatureOverTheFile() {
    Map<String, Flag<?>> flags = Map.of("protobuf.enabled", flag(true), "protobuf.salt", flag("from-flags"));
    try (RolloutConfigHolder holder = RolloutConfigHolder.builder()
        .openFeature(client(new InMemoryProvider(flags)))
        .environment(Map.of("PROTOBUF_ENABLED", "false"))
        .build()) {
      assertThat(holder.current().enabled()).isFalse();
      assertThat(holder.current().salt()).isEqualTo("from-flags");
    }
  }

  @Test
  void toNode_convertsEveryValueKind() {
    assertThat(OpenFeatureLayer.toNode(new Value(List.of(new Value("a"), new Value(2), new Value(true)))).toString())
        .isEqualTo("[\"a\",2,true]");
    assertThat(OpenFeatureLayer.toNode(new Value(0.1)).decimalValue()).isEqualByComparingTo("0.1");
    assertThat(OpenFeatureLayer.toNode(new Value()).isNull()).isTrue();
  }
}
