package dev.protoshift.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.protoshift.versioning.ProtocolVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionChainTest {

  private static final VersionChain<List<String>> CHAIN = VersionChain.<List<String>>startingAt("1.0.0", "The start.")
      .release("1.1.0", ToyChange.of("A"), ToyChange.feature("B", "bees"))
      .release("1.2.0")
      .release("2.0.0", ToyChange.of("C"))
      .build();

  private static ProtocolVersion v(String version) {
    return ProtocolVersion.parse(version);
  }

  @Test
  void classes_startAtTheBaselineAndEveryReleaseThatChangedSomething() {
    assertThat(CHAIN.classes()).extracting(VersionClass::toString)
        .containsExactly("1.0.0 view (>=1.0.0 <1.1.0)", "1.1.0 view (>=1.1.0 <2.0.0)", "2.0.0 view (>=2.0.0)");
  }

  @Test
  void classOf_sortsClientsByPrecedence() {
    assertThat(List.of("1.0.0", "1.0.9", "1.1.0-beta.2", "1.1.0", "1.2.0", "2.0.0-rc.1", "2.0.0", "7.3.1"))
        .extracting(version -> CHAIN.classOf(v(version)).label())
        .containsExactly("1.0.0", "1.0.0", "1.0.0", "1.1.0", "1.1.0", "1.1.0", "2.0.0", "2.0.0");
  }

  @Test
  void classOf_olderThanBaseline_isRefusedWithBothVersions() {
    assertThatThrownBy(() -> CHAIN.classOf(v("0.9.0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("client version 0.9.0 is older than 1.0.0, the oldest version this chain serves");
  }

  @Test
  void view_keepsOnlyFeaturesTheClassHas_andNullMeansAll() {
    assertThat(CHAIN.view(v("1.0.5"), List.of("bees")).features()).isEmpty();
    assertThat(CHAIN.view(v("1.1.0"), null).features()).containsExactly("bees");
    assertThat(CHAIN.view(v("1.1.0"), List.of()).features()).isEmpty();
    assertThat(CHAIN.view(v("1.1.0"), List.of("bees", "wasps")).features()).containsExactly("bees");
    assertThat(CHAIN.view(null, null)).isEqualTo(CHAIN.baselineView());
    assertThat(CHAIN.latestView().label()).isEqualTo("2.0.0+bees");
  }

  @Test
  void downgrade_appliesEveryNewerChange_newestFirst() {
    assertThat(CHAIN.downgrade(List.of(), CHAIN.baselineView())).containsExactly("down C", "down B", "down A");
    assertThat(CHAIN.downgrade(List.of(), CHAIN.view(v("1.2.0"), null))).containsExactly("down C");
    assertThat(CHAIN.downgrade(List.of(), CHAIN.latestView())).isEmpty();
  }

  @Test
  void upgrade_appliesEveryNewerChange_oldestFirst() throws DecodeException {
    assertThat(CHAIN.upgrade(List.of(), CHAIN.baselineView())).containsExactly("up A", "up B", "up C");
    assertThat(CHAIN.upgrade(List.of(), CHAIN.latestView())).isEmpty();
  }

  @Test
  void featureChange_appliesToNewerClientsThatDidNotNegotiateIt() throws DecodeException {
    View withoutBees = CHAIN.view(v("2.1.0"), List.of());

    assertThat(CHAIN.downgrade(List.of(), withoutBees)).containsExactly("down B");
    assertThat(CHAIN.upgrade(List.of(), withoutBees)).containsExactly("up B");
    assertThat(CHAIN.changesFor(withoutBees)).extracting(VersionChange::title).containsExactly("B");
  }

  @Test
  void upgrade_refusalOfAChange_isTheDecodeException() {
    assertThatThrownBy(() -> CHAIN.upgrade(List.of("poison"), CHAIN.baselineView()))
        .isInstanceOf(DecodeException.class).hasMessage("route: poisoned");
  }

  @Test
  void downgrade_viewOfAnotherChain_isRefused() {
    VersionChain<List<String>> other = VersionChain.<List<String>>startingAt("3.0.0", "x").build();

    assertThatThrownBy(() -> CHAIN.downgrade(List.of(), other.baselineView()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not one of this chain's classes");
  }

  @Test
  void builder_releasesOutOfOrder_isRefused() {
    assertThatThrownBy(() -> VersionChain.<List<String>>startingAt("1.0.0", "x").release("1.2.0").release("1.1.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("releases must be declared oldest first: 1.1.0 is not newer than 1.2.0");
  }

  @Test
  void builder_preRelease_isRefused() {
    assertThatThrownBy(() -> VersionChain.<List<String>>startingAt("1.0.0", "x").release("1.1.0-rc.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a chain's releases must be releases, was 1.1.0-rc.1");
  }

  @Test
  void builder_sameFeatureTwice_isRefused() {
    assertThatThrownBy(() -> VersionChain.<List<String>>startingAt("1.0.0", "x")
        .release("1.1.0", ToyChange.feature("B", "bees")).release("1.2.0", ToyChange.feature("B2", "bees")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("feature \"bees\" is added twice");
  }

  @Test
  void builder_badFeatureName_isRefused() {
    assertThatThrownBy(() -> VersionChain.<List<String>>startingAt("1.0.0", "x").release("1.1.0", ToyChange.feature("B", "Bee s")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("feature name must match").hasMessageContaining("was \"Bee s\"");
  }

  @Test
  void protocolFeatures_areTheChainsFeaturesWithTheReleaseThatAddedThem_forTheNegotiator() {
    VersionChain<List<String>> chain = VersionChain.<List<String>>startingAt("1.0.0", "x")
        .release("1.1.0", ToyChange.feature("B", "bees"), ToyChange.of("A"))
        .release("1.3.0", ToyChange.feature("C", "cats"))
        .build();

    assertThat(chain.protocolFeatures().since()).containsExactly(
        java.util.Map.entry("bees", v("1.1.0")), java.util.Map.entry("cats", v("1.3.0")));
    assertThat(chain.supportedVersions()).isEqualTo(dev.protoshift.versioning.SupportedVersions.between("1.0.0", "1.3.0"));
    dev.protoshift.versioning.Negotiator negotiator = dev.protoshift.versioning.Negotiator
        .builder(chain.supportedVersions()).features(chain.protocolFeatures()).build();
    assertThat(negotiator.features().availableAt(v("1.2.0"))).containsExactly("bees");
  }

  @Test
  void cohortFor_anAgreement_isItsProtocolAndTheViewOfItsVersionAndFeatures() {
    VersionChain<List<String>> chain = VersionChain.<List<String>>startingAt("1.0.0", "x")
        .release("1.1.0", ToyChange.feature("B", "bees"), ToyChange.feature("C", "cats"))
        .build();
    dev.protoshift.versioning.Negotiator negotiator = dev.protoshift.versioning.Negotiator
        .builder(chain.supportedVersions()).features(chain.protocolFeatures()).build();
    dev.protoshift.versioning.ProtocolGate protobuf = client -> dev.protoshift.versioning.RolloutDecision.of(
        client.protobufOffered() ? dev.protoshift.versioning.DecisionReason.IN_ROLLOUT
            : dev.protoshift.versioning.DecisionReason.NO_CLIENT_SUPPORT);

    var query = (dev.protoshift.versioning.Agreement) negotiator.onUpgrade("proto_version=1.1.0", List.of(), protobuf);
    var legacy = (dev.protoshift.versioning.Agreement) negotiator.onUpgrade("", List.of(), protobuf);
    var hello = (dev.protoshift.versioning.Agreement) negotiator.onFirstTextFrame(
        "{\"type\":\"hello\",\"protocol\":\"protobuf\",\"version\":\"1.1.0\",\"features\":[\"cats\"]}", protobuf)
        .orElseThrow();

    assertThat(chain.cohortFor(query).label()).isEqualTo("protobuf/1.1.0+bees+cats");
    assertThat(chain.cohortFor(legacy).label()).isEqualTo("json/1.0.0");
    assertThat(chain.cohortFor(hello).label()).isEqualTo("protobuf/1.1.0+cats");
    assertThat(chain.cohortFor(query, dev.protoshift.versioning.Protocol.JSON).label()).isEqualTo("json/1.1.0+bees+cats");
  }

  @Test
  void latest_isTheNewestDeclaredRelease_evenWithoutChanges() {
    VersionChain<List<String>> chain = VersionChain.<List<String>>startingAt("1.0.0", "x").release("1.0.1").build();

    assertThat(chain.latest()).isEqualTo(v("1.0.1"));
    assertThat(chain.classes()).hasSize(1);
    assertThat(chain.features()).isEmpty();
  }
}
