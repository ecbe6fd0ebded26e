package dev.protoshift.versioning.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Murmur3Test {

  /** Published MurmurHash3_x86_32 values (SMHasher reference implementation). */
  @ParameterizedTest(name = "murmur3_32(\"{0}\", {1}) = {2}")
  @CsvSource(value = {
      "'',                                              0,          00000000",
      "'',                                              1,          514e28b7",
      "'',                                              -1,         81f16f39",
      "a,                                               0,          3c2569b2",
      "abc,                                             0,          b3dd93fa",
      "abcd,                                            0,          43ed676a",
      "Hello&#44; world!,                              1234,       faf6cdb3",
      "The quick brown fox jumps over the lazy dog,     0,          2e4ff723",
  })
  void hash32_matchesReferenceValues(String input, int seed, String hex) {
    byte[] bytes = input.replace("&#44;", ",").getBytes(StandardCharsets.UTF_8);

    assertThat(Integer.toHexString(Murmur3.hash32(bytes, seed))).isEqualTo(Integer.toHexString(Integer.parseUnsignedInt(hex, 16)));
  }
}
