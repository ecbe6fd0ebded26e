package dev.protoshift.operations.ramp;

import java.util.Locale;

/** Where a guarded ramp stands, as the shared state, the admin API and {@code protoshift_ramp_status} show it. */
public enum RampStatus {
  /** No enabled plan in this replica's config: the ramp sets nothing. */
  OFF,
  /** An enabled plan whose start has not come, and no shared state yet: the ramp sets nothing. */
  WAITING,
  /** At a step; the next comes once its soak is over and the gates hold. */
  RAMPING,
  /** At a step, held by an operator ({@code POST /admin/ramp/pause}); the gates still roll back. */
  PAUSED,
  /** A gate failed: back at the last good step, held until an operator resumes. */
  ROLLED_BACK,
  /** A gate failed with {@code on_failure: kill_switch}: {@code enabled: false} until an operator resumes. */
  KILL_SWITCH,
  /** At the last step; the gates still roll back. */
  DONE;

  /** {@code ramping}, {@code rolled_back}, ... */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status of a code, or null. */
  public static RampStatus of(String code) {
    for (RampStatus s : values()) {
      if (s.code().equals(code)) {
        return s;
      }
    }
    return null;
  }
}
