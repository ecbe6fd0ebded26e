package dev.protoshift.convert;

import java.util.function.Function;

/** The frames of {@link CohortFrame}'s factories. */
final class Frames {

  private Frames() {}

  record Shared(Cohort cohort, byte[] shared) implements CohortFrame {
    @Override
    public String toString() {
      return "CohortFrame[" + cohort + ", " + shared.length + " bytes]";
    }
  }

  record PerRecipient(Cohort cohort, byte[] shared, Function<String, byte[]> step) implements CohortFrame {
    @Override
    public byte[] forRecipient(String recipientId) {
      return recipientId == null ? shared : step.apply(recipientId);
    }

    @Override
    public String toString() {
      return "CohortFrame[" + cohort + ", " + shared.length + " bytes shared, per recipient]";
    }
  }
}
