package dev.protoshift.server.readiness;

import dev.protoshift.operations.ConnectionWindows;
import dev.protoshift.operations.readiness.ReadinessJson;
import dev.protoshift.operations.readiness.ReadinessReport;
import dev.protoshift.server.DurationText;
import dev.protoshift.server.admin.AdminRoute;
import dev.protoshift.server.admin.AdminRoute.AdminException;
import dev.protoshift.server.admin.AdminRoute.AdminRequest;
import dev.protoshift.server.admin.AdminRoute.AdminResponse;
import dev.protoshift.versioning.rollout.RolloutConfigHolder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /admin/readiness?window=1h&max_json_percent=0.1}: the readiness report
 * ({@link ReadinessReport}) over the window, as JSON ({@link ReadinessJson}). 200 with either
 * verdict; 400 naming a bad parameter.
 */
public final class ReadinessApi {

  /** The window when none is asked for (or the retention, if shorter). */
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
  /** The JSON share allowed when none is asked for: 0.1%. */
  public static final BigDecimal DEFAULT_MAX_JSON_PERCENT = new BigDecimal("0.1");

  private final ConnectionWindows windows;
  private final RolloutConfigHolder rollout;

  public ReadinessApi(ConnectionWindows windows, RolloutConfigHolder rollout) {
    this.windows = windows;
    this.rollout = rollout;
  }

  public List<AdminRoute> routes() {
    return List.of(new AdminRoute("GET", "/admin/readiness", this::report));
  }

  private AdminResponse report(AdminRequest request) throws AdminException {
    request.onlyParameters(List.of("window", "max_json_percent"));
    Duration window = DEFAULT_WINDOW.compareTo(Duration.ofMillis(windows.retentionMillis())) > 0
        ? Duration.ofMillis(windows.retentionMillis()) : DEFAULT_WINDOW;
    Optional<String> windowText = request.parameter("window");
    if (windowText.isPresent()) {
      window = window(windowText.get());
      if (window == null) {
        throw new AdminException(400, "window must be a duration such as 1h, 30m or PT1H, was \""
            + windowText.get() + "\"");
      }
    }
    BigDecimal max = DEFAULT_MAX_JSON_PERCENT;
    Optional<String> maxText = request.parameter("max_json_percent");
    if (maxText.isPresent()) {
      max = percent(maxText.get());
      if (max == null) {
        throw new AdminException(400, "max_json_percent must be a number 0..100 such as 0.1, was \""
            + maxText.get() + "\"");
      }
    }
    ReadinessReport report;
    try {
      report = ReadinessReport.of(windows, window, max.doubleValue() / 100);
    } catch (IllegalArgumentException e) {
      throw new AdminException(400, e.getMessage());
    }
    return AdminResponse.json(200, ReadinessJson.write(report, rollout.current().toMap()).toString());
  }

  private static Duration window(String text) {
    try {
      Duration d = DurationText.parse(text);
      return d.isZero() ? null : d;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static BigDecimal percent(String text) {
    try {
      BigDecimal p = new BigDecimal(text.strip());
      return p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0 ? null : p;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
