package dev.protoshift.convert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecodeExceptionTest {

  @Test
  void invalidField_namesThePathAndHasAStableCode() {
    DecodeException e = DecodeException.invalidField("player_input.move.dx", "must be in [-1, 1], was 3.0");

    assertThat(e).hasMessage("player_input.move.dx: must be in [-1, 1], was 3.0");
    assertThat(e.code()).isEqualTo("invalid_field");
    assertThat(e.reason()).isEqualTo(DecodeException.Reason.INVALID_FIELD);
  }

  @Test
  void codes_areStable() {
    assertThat(DecodeException.malformed("x", null).code()).isEqualTo("bad_frame");
    assertThat(DecodeException.unexpected("x").code()).isEqualTo("unexpected_message");
  }

  @Test
  void echo_quotesAndShortensClientInput() {
    assertThat(DecodeException.echo("a\"b")).isEqualTo("\"a\\\"b\"");
    assertThat(DecodeException.echo("x".repeat(1000))).hasSize(DecodeException.MAX_ECHO + 5);
    assertThat(DecodeException.echo(null)).isEqualTo("null");
  }
}
