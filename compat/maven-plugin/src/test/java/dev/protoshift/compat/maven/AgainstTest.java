package dev.protoshift.compat.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AgainstTest {

  private static Against parse(String spec) {
    return Against.parse(spec, "com.example", "arena");
  }

  @Test
  void parse_eachForm_namesWhatToCompareWith() {
    assertThat(parse("history")).isEqualTo(new Against.History(null));
    assertThat(parse(" history:1.2.0 ")).isEqualTo(new Against.History("1.2.0"));
    assertThat(parse("git:origin/main")).isEqualTo(new Against.Git("origin/main", null));
    assertThat(parse("git:v1.0:proto/src")).isEqualTo(new Against.Git("v1.0", "proto/src"));
    assertThat(parse("released")).isEqualTo(new Against.Artifact("com.example", "arena", null));
    assertThat(parse("maven:g.x:a")).isEqualTo(new Against.Artifact("g.x", "a", null));
    assertThat(parse("maven:g.x:a:1.0.0")).isEqualTo(new Against.Artifact("g.x", "a", "1.0.0"));
  }

  @Test
  void parse_unknownForm_listsTheForms() {
    assertThatThrownBy(() -> parse("svn:trunk")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("against = \"svn:trunk\": expected " + Against.FORMS);
    assertThatThrownBy(() -> parse(null)).hasMessageContaining("against = \"null\"");
  }

  @Test
  void parse_malformedForms_sayWhatWasExpected() {
    assertThatThrownBy(() -> parse("history:latest")).hasMessageContaining("MAJOR.MINOR.PATCH");
    assertThatThrownBy(() -> parse("git:")).hasMessageContaining("expected git:REF or git:REF:SUBDIR");
    assertThatThrownBy(() -> parse("git:main:")).hasMessageContaining("expected git:REF or git:REF:SUBDIR");
    assertThatThrownBy(() -> parse("maven:g")).hasMessageContaining("maven:GROUP:ARTIFACT");
    assertThatThrownBy(() -> parse("maven:g::1.0")).hasMessageContaining("maven:GROUP:ARTIFACT");
    assertThatThrownBy(() -> parse("maven:g:a:1:x")).hasMessageContaining("maven:GROUP:ARTIFACT");
  }
}
