package dev.protoshift.convert;

import static dev.protoshift.convert.HistorySchemas.history;
import static dev.protoshift.convert.HistorySchemas.v100;
import static dev.protoshift.convert.HistorySchemas.v110;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import dev.protoshift.convert.testschema.Toy;
import dev.protoshift.convert.testschema.history.Frame;
import org.junit.jupiter.api.Test;

/** {@code VersionChain.Builder.build()} with a release history: the chain must cover every frozen release. */
class HistoryCoverageTest {

  private static VersionChain.Builder<Frame.Builder> chain(Object... history) {
    return VersionChain.<Frame.Builder>startingAt("1.0.0", "x").history(history(history), Frame.getDefaultInstance());
  }

  @Test
  void build_aReleaseOfTheHistoryNotDeclared_isRefusedNamingItAndBothLists() {
    assertThatThrownBy(() -> chain("1.0.0", v100().toSet(), "1.1.0", v110().toSet()).release("1.2.0").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("release 1.1.0 is in the release history but not declared in the chain: declare it with"
            + " .release(\"1.1.0\", ...) even if it changed nothing (released in schema snake: [1.0.0, 1.1.0];"
            + " declared in the chain: [1.0.0, 1.2.0])");
  }

  @Test
  void build_aReleaseNewerThanTheChain_isRefused() {
    assertThatThrownBy(() -> chain("1.0.0", v100().toSet(), "1.1.0", v110().toSet()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("release 1.1.0 is in the release history but not declared in the chain");
  }

  @Test
  void build_aDeclaredReleaseNeverReleased_isRefusedUnlessItIsTheNewest() {
    assertThatThrownBy(() -> chain("1.0.0", v100().toSet(), "1.1.0", v110().toSet())
        .release("1.1.0").release("1.1.5").release("1.2.0").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("release 1.1.5 is declared in the chain but was never released; only the chain's newest release"
            + " (1.2.0, the current schema) may be unreleased (released in schema snake: [1.0.0, 1.1.0]; declared in"
            + " the chain: [1.0.0, 1.1.0, 1.1.5, 1.2.0])");
  }

  @Test
  void build_anUnreleasedBaseline_isRefusedWhenReleasesFollow() {
    assertThatThrownBy(() -> chain("1.1.0", v110().toSet()).release("1.1.0").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("release 1.0.0 is declared in the chain but was never released");
  }

  @Test
  void build_anUnreleasedNewestRelease_isTheCurrentSchema() {
    VersionChain<Frame.Builder> chain = chain("1.0.0", v100().toSet(), "1.1.0", v110().toSet())
        .release("1.1.0").release("1.2.0").build();

    assertThat(chain.classes()).hasSize(3);
  }

  @Test
  void build_aNewProjectWithNothingReleased_isOneClass() {
    VersionChain<Frame.Builder> chain = chain().build();

    assertThat(chain.classes()).extracting(VersionClass::label).containsExactly("1.0.0");
    assertThat(chain.checkHistory()).isEmpty();
  }

  @Test
  void build_releasesOlderThanTheBaseline_areIgnored() {
    FileDescriptorSet older = v100().removeField(HistorySchemas.PKG + "Snake", "score").toSet();
    VersionChain<Frame.Builder> chain = chain("0.9.0", older, "1.0.0", v100().toSet(), "1.1.0", v110().toSet())
        .release("1.1.0").release("1.2.0").build();

    assertThat(chain.classes()).extracting(VersionClass::label).containsExactly("1.0.0", "1.1.0", "1.2.0");
  }

  @Test
  void build_aReleaseWithoutTheRootMessage_isRefused() {
    FileDescriptorSet toy = FileDescriptorSet.newBuilder().addFile(Toy.getDescriptor().getFile().toProto()).build();

    assertThatThrownBy(() -> chain("1.0.0", toy).release("1.1.0").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("release 1.0.0 of schema snake has no message convert.test.history.Frame, the chain's root");
  }
}
