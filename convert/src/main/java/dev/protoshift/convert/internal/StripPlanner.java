package dev.protoshift.convert.internal;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans one derived step of release R: what R added to the messages reachable from the root,
 * compared with the previous release P. It visits the current schema from the root through the
 * fields P has (a field P lacks is cleared whole, so nothing under it needs a plan), and keeps a
 * type only if it or something below it has work.
 *
 * <p>A step strips only what R added (present in R, absent from P): what later releases added was
 * stripped by their own steps, which run before it on the way down.
 */
final class StripPlanner {

  /** The plan of the root (null if the step has nothing to do) and what R added, for the changelog. */
  record Planned(StripPlan root, List<String> additions) {}

  private static final class Node {
    final Descriptor type;
    final List<FieldDescriptor> refuse = new ArrayList<>();
    final List<FieldDescriptor> clear = new ArrayList<>();
    final List<FieldDescriptor> enumFields = new ArrayList<>();
    final List<int[]> allowed = new ArrayList<>();
    final List<FieldDescriptor> edges = new ArrayList<>();
    boolean work;

    Node(Descriptor type) {
      this.type = type;
    }
  }

  private StripPlanner() {}

  static Planned plan(Descriptor root, SchemaIndex previous, SchemaIndex release, String addedIn) {
    Map<Descriptor, Node> nodes = new LinkedHashMap<>();
    Deque<Descriptor> queue = new ArrayDeque<>(List.of(root));
    nodes.put(root, new Node(root));
    List<String> additions = new ArrayList<>();
    Set<String> listedValues = new HashSet<>();
    while (!queue.isEmpty()) {
      Node node = nodes.get(queue.poll());
      for (FieldDescriptor field : node.type.getFields()) {
        if (!previous.has(field)) {
          if (release.has(field)) {
            boolean rootCase = node.type == root && field.getRealContainingOneof() != null;
            (rootCase ? node.refuse : node.clear).add(field);
            additions.add(describe(field, rootCase));
          }
          continue;
        }
        FieldDescriptor value = field.isMapField() ? field.getMessageType().findFieldByNumber(2) : field;
        if (value.getJavaType() == FieldDescriptor.JavaType.ENUM) {
          planEnum(node, field, value.getEnumType(), previous, release, additions, listedValues);
        } else if (value.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
          node.edges.add(field);
          if (!nodes.containsKey(value.getMessageType())) {
            nodes.put(value.getMessageType(), new Node(value.getMessageType()));
            queue.add(value.getMessageType());
          }
        }
      }
      node.work = !node.refuse.isEmpty() || !node.clear.isEmpty() || !node.enumFields.isEmpty();
    }
    propagateWork(nodes);
    if (!nodes.get(root).work) {
      return new Planned(null, List.copyOf(additions));
    }
    Map<Descriptor, StripPlan> plans = new LinkedHashMap<>();
    nodes.values().stream().filter(n -> n.work).forEach(n -> plans.put(n.type, new StripPlan(n.type, addedIn)));
    for (Node node : nodes.values()) {
      StripPlan plan = plans.get(node.type);
      if (plan == null) {
        continue;
      }
      plan.refuse = node.refuse.toArray(FieldDescriptor[]::new);
      plan.clear = node.clear.toArray(FieldDescriptor[]::new);
      plan.enumFields = node.enumFields.toArray(FieldDescriptor[]::new);
      plan.allowed = node.allowed.toArray(int[][]::new);
      List<FieldDescriptor> children = node.edges.stream().filter(f -> plans.containsKey(valueType(f))).toList();
      plan.children = children.toArray(FieldDescriptor[]::new);
      plan.childPlans = children.stream().map(f -> plans.get(valueType(f))).toArray(StripPlan[]::new);
    }
    return new Planned(plans.get(root), List.copyOf(additions));
  }

  private static void planEnum(Node node, FieldDescriptor field, EnumDescriptor type, SchemaIndex previous,
      SchemaIndex release, List<String> additions, Set<String> listedValues) {
    List<EnumValueDescriptor> added = type.getValues().stream()
        .filter(v -> release.has(v) && !previous.has(v)).toList();
    if (added.isEmpty()) {
      return;
    }
    node.enumFields.add(field);
    node.allowed.add(previous.enumType(type.getFullName()).getValues().stream()
        .mapToInt(EnumValueDescriptor::getNumber).sorted().distinct().toArray());
    for (EnumValueDescriptor value : added) {
      if (listedValues.add(value.getFullName())) {
        additions.add("enum value `" + value.getFullName() + "` (" + value.getNumber() + ")");
      }
    }
  }

  /** A type has work if it has some itself or a field leads to a type that has: a fixpoint, for cycles. */
  private static void propagateWork(Map<Descriptor, Node> nodes) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Node node : nodes.values()) {
        if (!node.work && node.edges.stream().anyMatch(f -> nodes.get(valueType(f)).work)) {
          node.work = true;
          changed = true;
        }
      }
    }
  }

  private static Descriptor valueType(FieldDescriptor field) {
    return field.isMapField() ? field.getMessageType().findFieldByNumber(2).getMessageType() : field.getMessageType();
  }

  private static String describe(FieldDescriptor field, boolean rootCase) {
    String name = "`" + field.getFullName() + "` (" + field.getNumber() + ")";
    if (field.getRealContainingOneof() == null) {
      return "field " + name;
    }
    return "oneof case " + name + " of `" + field.getRealContainingOneof().getName() + "`"
        + (rootCase ? " (a message carrying it cannot be sent to older clients)" : "");
  }
}
