package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Base64;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HistogramsTest {

  @Test
  void encode_anyValues_decodesToTheSameCountsAndPercentiles() {
    qt().withExamples(200)
        .forAll(lists().of(longs().between(0, Histograms.MAX_LATENCY_US)).ofSizeBetween(0, 300))
        .checkAssert(values -> {
          AbstractHistogram h = Histograms.newLatencyUs();
          values.forEach(v -> Histograms.record(h, v));
          Histogram back = Histograms.decode(Histograms.encode(h));
          assertThat(back.getTotalCount()).isEqualTo(values.size());
          assertThat(back.getMaxValue()).isEqualTo(h.getMaxValue());
          for (double p : new double[] {50, 90, 99, 100}) {
            assertThat(back.getValueAtPercentile(p)).isEqualTo(h.getValueAtPercentile(p));
          }
        });
  }

  @Test
  void record_valueAboveTheRange_isClampedToTheHighestTrackable() {
    AbstractHistogram h = Histograms.newLatencyUs();
    Histograms.record(h, Long.MAX_VALUE);
    Histograms.record(h, -5);
    assertThat(h.getTotalCount()).isEqualTo(2);
    assertThat(h.getMinValue()).isZero();
    assertThat(h.valuesAreEquivalent(h.getMaxValue(), Histograms.MAX_LATENCY_US)).isTrue();
  }

  @Test
  void record_valuesWithinTwoSignificantDigits_areKeptWithinOnePercent() {
    qt().forAll(longs().between(100, Histograms.MAX_DECODE_NS)).checkAssert(v -> {
      AbstractHistogram h = Histograms.newDecodeNs();
      Histograms.record(h, v);
      Histogram back = Histograms.decode(Histograms.encode(h));
      assertThat((double) back.getValueAtPercentile(50)).isCloseTo(v, org.assertj.core.api.Assertions.withinPercentage(1));
    });
  }

  @Test
  void sparse_listsDistinctValuesAscendingWithTheirCounts() {
    AbstractHistogram h = Histograms.newLatencyUs();
    Histograms.record(h, 5);
    Histograms.record(h, 5);
    Histograms.record(h, 1_000);
    Histograms.Sparse s = Histograms.sparse(h);
    assertThat(s.values()).hasSize(2);
    assertThat(s.values()[0]).isLessThan(s.values()[1]);
    assertThat(s.counts()).containsExactly(2, 1);
    assertThat(s.total()).isEqualTo(3);
  }

  @Test
  void decode_notBase64_namesTheProblem() {
    assertThatThrownBy(() -> Histograms.decode("not base64 at all!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not base64")
        .hasMessageContaining("not base64 at all!");
  }

  @Test
  void decode_base64ThatIsNoHistogram_namesTheProblem() {
    String text = Base64.getEncoder().encodeToString("hello world, not a histogram".getBytes());
    assertThatThrownBy(() -> Histograms.decode(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a compressed HdrHistogram");
  }

  @Test
  void decode_arbitraryBytes_neverThrowsAnythingButIllegalArgument() {
    qt().withExamples(300)
        .forAll(lists().of(integers().between(-128, 127)).ofSizeBetween(0, 64))
        .checkAssert(list -> {
          byte[] bytes = new byte[list.size()];
          for (int i = 0; i < bytes.length; i++) {
            bytes[i] = list.get(i).byteValue();
          }
          String text = Base64.getEncoder().encodeToString(bytes);
          try {
            Histograms.decode(text);
          } catch (IllegalArgumentException expected) {
            // a clear error is fine
          }
        });
  }

  @Test
  void decode_emptyText_isRefused() {
    assertThatThrownBy(() -> Histograms.decode("")).hasMessageContaining("missing or empty");
    assertThatThrownBy(() -> Histograms.decode(null)).hasMessageContaining("missing or empty");
  }
}
