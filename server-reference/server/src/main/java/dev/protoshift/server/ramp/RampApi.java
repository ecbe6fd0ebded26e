package dev.protoshift.server.ramp;

import dev.protoshift.operations.ramp.RampController;
import dev.protoshift.server.admin.AdminRoute;
import dev.protoshift.server.admin.AdminRoute.AdminException;
import dev.protoshift.server.admin.AdminRoute.AdminResponse;
import java.io.IOException;
import java.util.List;

/**
 * The guarded ramp's admin routes: {@code GET /admin/ramp} (plan, shared state, what this replica
 * applies, its last evaluation), {@code POST /admin/ramp/pause} and {@code POST
 * /admin/ramp/resume} (written to the shared state: every replica follows). 409 when there is
 * nothing to pause or resume, 503 when the shared state cannot be read or written.
 */
public final class RampApi {

  private final RampController ramp;

  public RampApi(RampController ramp) {
    this.ramp = ramp;
  }

  public List<AdminRoute> routes() {
    return List.of(
        new AdminRoute("GET", "/admin/ramp", request -> view()),
        new AdminRoute("POST", "/admin/ramp/pause", request -> operate(true)),
        new AdminRoute("POST", "/admin/ramp/resume", request -> operate(false)));
  }

  private AdminResponse view() {
    return AdminResponse.json(200, ramp.view().toJson().toString());
  }

  private AdminResponse operate(boolean pause) throws AdminException {
    try {
      if (pause) {
        ramp.pause();
      } else {
        ramp.resume();
      }
    } catch (IllegalStateException e) {
      throw new AdminException(409, e.getMessage());
    } catch (IOException e) {
      throw new AdminException(503, "the ramp's shared state cannot be used: " + e.getMessage());
    }
    return view();
  }
}
