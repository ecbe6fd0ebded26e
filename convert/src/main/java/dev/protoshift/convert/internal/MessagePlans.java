package dev.protoshift.convert.internal;

import com.google.protobuf.Descriptors.Descriptor;
import java.util.concurrent.ConcurrentHashMap;

/** The plans of one engine, derived on first use of each message type and kept. Thread-safe. */
final class MessagePlans {

  private final JsonSettings settings;
  private final ConcurrentHashMap<Descriptor, MessagePlan> plans = new ConcurrentHashMap<>();

  MessagePlans(JsonSettings settings) {
    this.settings = settings;
  }

  MessagePlan of(Descriptor type) {
    MessagePlan plan = plans.get(type);
    return plan != null ? plan : plans.computeIfAbsent(type, t -> new MessagePlan(t, settings, this));
  }
}
