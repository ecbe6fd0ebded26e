package dev.protoshift.versioning.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.EventDetails;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ProviderEvent;
import dev.openfeature.sdk.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The rollout keys read as OpenFeature flags named like the file's paths ({@code
 * protobuf.enabled}, {@code protobuf.rollout_percentage}, ...), so Unleash, LaunchDarkly, flagd or
 * any other provider can drive the rollout. A flag the provider does not have leaves its key to
 * the layers below. Re-read on the provider's ready and configuration-changed events; invalid
 * values are refused like an invalid file.
 */
final class OpenFeatureLayer implements AutoCloseable {

  static final String ORIGIN = "openfeature";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final System.Logger LOG = System.getLogger(OpenFeatureLayer.class.getName());

  private final Client client;
  private final EvaluationContext context;
  private final RolloutConfigHolder holder;
  private final Consumer<EventDetails> handler = details -> refresh();
  private boolean subscribed;

  /** The provider cannot answer yet; the layer is re-read when it says it is ready. */
  static final class NotReady extends Exception {
    private static final long serialVersionUID = 1L;
  }

  /** A client and context to read flags with, as the holder's builder keeps them. */
  record Source(Client client, EvaluationContext context) {
    OpenFeatureLayer layer(RolloutConfigHolder holder) {
      return new OpenFeatureLayer(client, context, holder);
    }
  }

  static Source source(Client client) {
    return source(client, new ImmutableContext());
  }

  static Source source(Client client, EvaluationContext context) {
    return new Source(Objects.requireNonNull(client, "client"), Objects.requireNonNull(context, "context"));
  }

  OpenFeatureLayer(Client client, EvaluationContext context, RolloutConfigHolder holder) {
    this.client = client;
    this.context = context;
    this.holder = holder;
  }

  /**
   * The flags as overrides; empty if the provider is not ready yet.
   *
   * @throws InvalidConfigException if a flag has an invalid value or fails to evaluate
   */
  RolloutOverrides loadInitial() {
    try {
      return read();
    } catch (NotReady e) {
      LOG.log(System.Logger.Level.INFO, "OpenFeature provider not ready; its flags apply once it is");
      return RolloutOverrides.none();
    }
  }

  synchronized void subscribe() {
    client.on(ProviderEvent.PROVIDER_READY, handler);
    client.on(ProviderEvent.PROVIDER_CONFIGURATION_CHANGED, handler);
    subscribed = true;
  }

  /** Re-reads the flags and applies or refuses them. Never throws. */
  void refresh() {
    try {
      holder.replaceLayer(ConfigSource.OPENFEATURE, read());
    } catch (NotReady e) {
      LOG.log(System.Logger.Level.DEBUG, "OpenFeature provider not ready; keeping its last flags");
    } catch (InvalidConfigException e) {
      holder.reject(ConfigSource.OPENFEATURE, e.problems());
    } catch (RuntimeException e) {
      holder.reject(ConfigSource.OPENFEATURE, List.of(new ConfigProblem(ORIGIN, Optional.empty(),
          "evaluating the OpenFeature flags failed: " + e)));
    }
  }

  RolloutOverrides read() throws NotReady {
    ObjectNode section = NODES.objectNode();
    List<ConfigProblem> problems = new ArrayList<>();
    for (RolloutKey key : RolloutKey.values()) {
      Optional<JsonNode> value = evaluate(key, problems);
      value.ifPresent(v -> section.set(key.key(), v));
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    return RolloutOverrides.fromSection(section, ORIGIN, RolloutKey.SECTION + ".");
  }

  private Optional<JsonNode> evaluate(RolloutKey key, List<ConfigProblem> problems) throws NotReady {
    String flag = key.path();
    switch (key) {
      case ENABLED: {
        FlagEvaluationDetails<Boolean> d = client.getBooleanDetails(flag, false, context);
        return value(key, d, problems).map(NODES::booleanNode);
      }
      case ROLLOUT_PERCENTAGE: {
        FlagEvaluationDetails<Double> d = client.getDoubleDetails(flag, 0.0, context);
        if (d.getErrorCode() == ErrorCode.TYPE_MISMATCH) {
          FlagEvaluationDetails<Integer> i = client.getIntegerDetails(flag, 0, context);
          return value(key, i, problems).map(NODES::numberNode);
        }
        return value(key, d, problems).map(v -> Double.isFinite(v)
            ? NODES.numberNode(BigDecimal.valueOf(v)) : NODES.textNode(v.toString()));
      }
      case FORCE_ENABLE_ROOMS:
      case FORCE_DISABLE_ROOMS: {
        FlagEvaluationDetails<Value> d = client.getObjectDetails(flag, new Value(), context);
        if (d.getErrorCode() == ErrorCode.TYPE_MISMATCH) {
          FlagEvaluationDetails<String> s = client.getStringDetails(flag, "", context);
          return value(key, s, problems).map(OpenFeatureLayer::commaSeparated);
        }
        return value(key, d, problems).map(OpenFeatureLayer::toNode);
      }
      default: {
        FlagEvaluationDetails<String> d = client.getStringDetails(flag, "", context);
        return value(key, d, problems).map(NODES::textNode);
      }
    }
  }

  private static <T> Optional<T> value(RolloutKey key, FlagEvaluationDetails<T> d, List<ConfigProblem> problems)
      throws NotReady {
    ErrorCode error = d.getErrorCode();
    if (error == null) {
      return Optional.ofNullable(d.getValue());
    }
    if (error == ErrorCode.FLAG_NOT_FOUND) {
      return Optional.empty();
    }
    if (error == ErrorCode.PROVIDER_NOT_READY) {
      throw new NotReady();
    }
    problems.add(new ConfigProblem(ORIGIN, Optional.of(key), "flag " + key.path() + " could not be evaluated: "
        + error + (d.getErrorMessage() == null ? "" : " (" + d.getErrorMessage() + ")")));
    return Optional.empty();
  }

  private static JsonNode commaSeparated(String text) {
    ArrayNode out = NODES.arrayNode();
    if (!text.isBlank()) {
      for (String id : text.split(",", -1)) {
        out.add(id.trim());
      }
    }
    return out;
  }

  /** An OpenFeature value as JSON, so the same validation as the file's applies. */
  static JsonNode toNode(Value v) {
    if (v == null || v.isNull()) {
      return NODES.nullNode();
    }
    if (v.isBoolean()) {
      return NODES.booleanNode(v.asBoolean());
    }
    if (v.isString()) {
      return NODES.textNode(v.asString());
    }
    if (v.isNumber()) {
      Object o = v.asObject();
      return o instanceof Integer || o instanceof Long ? NODES.numberNode(((Number) o).longValue())
          : NODES.numberNode(BigDecimal.valueOf(v.asDouble()));
    }
    if (v.isList()) {
      ArrayNode out = NODES.arrayNode();
      v.asList().forEach(e -> out.add(toNode(e)));
      return out;
    }
    return NODES.textNode(String.valueOf(v.asObject()));
  }

  /** Unsubscribes (only what {@link #subscribe()} registered: the SDK fails on unknown handlers). */
  @Override
  public synchronized void close() {
    if (subscribed) {
      subscribed = false;
      client.removeHandler(ProviderEvent.PROVIDER_READY, handler);
      client.removeHandler(ProviderEvent.PROVIDER_CONFIGURATION_CHANGED, handler);
    }
  }
}
