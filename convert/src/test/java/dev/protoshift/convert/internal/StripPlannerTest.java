package dev.protoshift.convert.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import dev.protoshift.convert.HistorySchemas;
import dev.protoshift.convert.testschema.history.Frame;
import dev.protoshift.proto.DescriptorSets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shape of strip plans: a downgrade visits only what needs work. */
class StripPlannerTest {

  private static final SchemaIndex CURRENT = SchemaIndex.of(Frame.getDescriptor().getFile());

  private static SchemaIndex schema(FileDescriptorSet set) {
    return SchemaIndex.of(DescriptorSets.link(set).values());
  }

  private static List<String> planned(StripPlan root) {
    List<String> types = new ArrayList<>();
    Deque<StripPlan> todo = new ArrayDeque<>(List.of(root));
    Set<StripPlan> seen = new HashSet<>(todo);
    while (!todo.isEmpty()) {
      StripPlan plan = todo.poll();
      types.add(plan.type.getName());
      Arrays.stream(plan.childPlans).filter(seen::add).forEach(todo::add);
    }
    return types;
  }

  @Test
  void plan_ofAReleaseThatAddedToSnakesOnly_visitsOnlyThePathToSnakes() {
    StripPlanner.Planned planned = StripPlanner.plan(Frame.getDescriptor(), schema(HistorySchemas.v110().toSet()),
        CURRENT, "1.2.0");

    assertThat(planned(planned.root())).containsExactly("Frame", "State", "Snake");
    assertThat(planned.additions()).containsExactly("enum value `convert.test.history.Direction.WARP` (6)",
        "field `convert.test.history.Snake.color` (7)");
  }

  @Test
  void plan_ofARecursiveType_refersToItself() {
    StripPlan root = StripPlanner.plan(Frame.getDescriptor(), schema(HistorySchemas.v100().toSet()),
        schema(HistorySchemas.v110().toSet()), "1.1.0").root();
    StripPlan state = root.childPlans[0];
    StripPlan trail = Arrays.stream(state.childPlans).filter(p -> p.type.getName().equals("Trail")).findFirst()
        .orElseThrow();

    assertThat(trail.childPlans).containsExactly(trail);
    assertThat(trail.clear).extracting(f -> f.getName()).containsExactly("heat");
  }

  @Test
  void plan_ofAReleaseThatAddedNothing_isEmpty() {
    SchemaIndex v110 = schema(HistorySchemas.v110().toSet());

    assertThat(StripPlanner.plan(Frame.getDescriptor(), v110, v110, "1.1.1"))
        .isEqualTo(new StripPlanner.Planned(null, List.of()));
  }

  @Test
  void plan_skipsWhatANewerReleaseAdded_itsOwnStepStripsThat() {
    Descriptor frame = Frame.getDescriptor();
    StripPlanner.Planned planned = StripPlanner.plan(frame, schema(HistorySchemas.v100().toSet()),
        schema(HistorySchemas.v110().toSet()), "1.1.0");

    assertThat(planned.additions()).noneMatch(a -> a.contains("color") || a.contains("WARP"));
  }
}
