package dev.protoshift.versioning.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class RolloutHashTest {

  private static final int KEYS = 100_000;

  static Gen<String> salts() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";
    return strings().betweenCodePoints(0, alphabet.length() - 1).ofLengthBetween(1, 24)
        .map(s -> s.codePoints().mapToObj(c -> String.valueOf(alphabet.charAt(c))).reduce("", String::concat));
  }

  @Test
  void bucket_matchesEveryTestVectorPublishedInTheDocs() {
    List<List<String>> rows = DocsPages.table("rollout-hash.md", "test-vectors");

    assertThat(rows).hasSizeGreaterThanOrEqualTo(10);
    for (List<String> row : rows) {
      String salt = DocsPages.code(row.get(0));
      String key = DocsPages.code(row.get(1));
      assertThat(String.format("%08x", RolloutHash.hash(salt, key))).as("hash of %s:%s", salt, key)
          .isEqualTo(DocsPages.code(row.get(2)));
      assertThat(RolloutHash.bucket(salt, key)).as("bucket of %s:%s", salt, key)
          .isEqualTo(Integer.parseInt(row.get(3)));
    }
  }

  @Test
  void docs_nameTheAlgorithmVersion() {
    assertThat(DocsPages.read("rollout-hash.md")).contains("## Algorithm `" + RolloutHash.VERSION + "`");
  }

  @Test
  void bucket_isDeterministicAndInRange() {
    qt().forAll(salts(), strings().allPossible().ofLengthBetween(0, 64)).checkAssert((salt, key) -> {
      int bucket = RolloutHash.bucket(salt, key);
      assertThat(bucket).isBetween(0, RolloutHash.BUCKETS - 1);
      assertThat(RolloutHash.bucket(new String(salt.toCharArray()), new String(key.toCharArray()))).isEqualTo(bucket);
      assertThat(RolloutHash.hash(salt, key) % RolloutHash.BUCKETS).isEqualTo(bucket);
    });
  }

  @Test
  void share_isWithinOnePointOfThePercentage_over100kKeys() {
    qt().withExamples(10).forAll(salts()).checkAssert(salt -> {
      int[] buckets = buckets(salt, "room-");
      for (int percent : new int[] {10, 50, 90}) {
        assertThat(shareBelow(buckets, percent * 100)).as("salt %s at %d%%", salt, percent)
            .isCloseTo(percent, within(1.0));
      }
    });
  }

  @Test
  void differentSalts_areIndependent() {
    qt().withExamples(5).forAll(salts(), salts()).assuming((a, b) -> !a.equals(b)).checkAssert((a, b) -> {
      int[] first = buckets(a, "player-");
      int[] second = buckets(b, "player-");
      int both = 0;
      for (int i = 0; i < KEYS; i++) {
        if (first[i] < 5000 && second[i] < 5000) {
          both++;
        }
      }
      // Independent halves overlap on a quarter of the keys; the same salt would overlap on half.
      assertThat(100.0 * both / KEYS).as("overlap of %s and %s at 50%%", a, b).isCloseTo(25.0, within(1.0));
    });
  }

  private static int[] buckets(String salt, String prefix) {
    int[] out = new int[KEYS];
    for (int i = 0; i < KEYS; i++) {
      out[i] = RolloutHash.bucket(salt, prefix + i);
    }
    return out;
  }

  private static double shareBelow(int[] buckets, int basisPoints) {
    long in = java.util.Arrays.stream(buckets).filter(b -> RolloutHash.inRollout(b, basisPoints)).count();
    return 100.0 * in / buckets.length;
  }
}
