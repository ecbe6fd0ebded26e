package dev.protoshift.server.jetty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OriginPolicyTest {

  @Test
  void allows_noOriginHeader_isANonBrowserClient() {
    assertThat(OriginPolicy.allowing(List.of()).allows(null)).isTrue();
  }

  @Test
  void allows_emptyList_refusesEveryBrowserOrigin() {
    assertThat(OriginPolicy.allowing(List.of()).allows("https://evil.example")).isFalse();
  }

  @Test
  void allows_listedOrigin_caseInsensitively() {
    OriginPolicy policy = OriginPolicy.allowing(List.of("https://Game.example.com", "http://localhost:5173"));
    assertThat(policy.allows("https://game.example.com")).isTrue();
    assertThat(policy.allows("http://localhost:5173")).isTrue();
    assertThat(policy.allows("http://localhost:5174")).isFalse();
    assertThat(policy.allows("https://game.example.com.evil.example")).isFalse();
    assertThat(policy.allows("null")).isFalse();
  }

  @Test
  void allows_star_allowsAny() {
    assertThat(OriginPolicy.allowing(List.of("*")).allows("https://anything.example")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"game.example.com", "https://game.example.com/path", "ftp://x.example", "https://", ""})
  void allowing_notAnOrigin_isRefusedNamingIt(String bad) {
    assertThatThrownBy(() -> OriginPolicy.allowing(List.of(bad)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was \"" + bad + "\"");
  }
}
