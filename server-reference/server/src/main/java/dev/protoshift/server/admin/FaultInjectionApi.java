package dev.protoshift.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.protoshift.operations.admin.AdminRoute;
import dev.protoshift.operations.admin.AdminRoute.AdminException;
import dev.protoshift.operations.admin.AdminRoute.AdminResponse;
import dev.protoshift.server.jetty.FaultInjector;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Chaos tests only: {@code GET /admin/fault-injection} shows the share of inbound binary frames
 * corrupted on purpose (and when the first frame was corrupted since it was last set), {@code PUT /admin/fault-injection} with {@code {"inject_proto_errors": 0.5}}
 * changes it at runtime (the seed's "inject decode errors into a running pod"). Refused with 403
 * unless the server was started with {@code --allow-fault-injection}.
 */
public final class FaultInjectionApi {

  private static final System.Logger LOG = System.getLogger(FaultInjectionApi.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FaultInjector faults;
  private final boolean allowed;

  public FaultInjectionApi(FaultInjector faults, boolean allowed) {
    this.faults = faults;
    this.allowed = allowed;
  }

  public List<AdminRoute> routes() {
    return List.of(
        new AdminRoute("GET", "/admin/fault-injection", request -> show()),
        new AdminRoute("PUT", "/admin/fault-injection", request -> change(request.body())));
  }

  private AdminResponse show() {
    ObjectNode n = JSON.createObjectNode()
        .put("inject_proto_errors", faults.share()).put("allowed", allowed);
    faults.firstCorruptedSinceSet().ifPresent(t -> n.put("first_corrupted_at", t.toString()));
    return AdminResponse.json(200, n.toString());
  }

  private AdminResponse change(String body) throws AdminException {
    if (!allowed) {
      throw new AdminException(403, "fault injection is not allowed: start the server with --allow-fault-injection"
          + " (chaos tests only, never in production)");
    }
    JsonNode n;
    try {
      n = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new AdminException(400, "the body must be JSON such as {\"inject_proto_errors\": 0.5}: " + e.getOriginalMessage());
    }
    JsonNode share = n == null ? null : n.get("inject_proto_errors");
    if (n == null || !n.isObject() || n.size() != 1 || share == null || !share.isNumber()
        || !(share.doubleValue() >= 0 && share.doubleValue() <= 1)) {
      throw new AdminException(400, "the body must be {\"inject_proto_errors\": SHARE} with a share 0..1, was " + body);
    }
    faults.setShare(share.doubleValue());
    LOG.log(share.doubleValue() > 0 ? Level.WARNING : Level.INFO, "FAULT INJECTION set by the admin API: corrupting "
        + share.doubleValue() * 100 + "% of inbound binary frames");
    return show();
  }
}
