package dev.protoshift.compat.internal;

import static dev.protoshift.compat.internal.Categories.CFPJW;
import static dev.protoshift.compat.internal.Categories.FP;

import java.util.List;

/** Rules over a pair of services and their RPCs. */
final class ServiceRules {

  private ServiceRules() {}

  static List<Rule> all() {
    return List.of(
        Rule.service("RPC_NO_DELETE", "RPCs are not deleted from a service.", FP, (p, c, out) -> {
          for (String name : p.methods.keySet()) {
            if (!c.methods.containsKey(name)) {
              out.report(c.location(), p.location(), "Previously present RPC " + Text.quote(name) + " on service "
                  + Text.quote(c.name()) + " was deleted.");
            }
          }
        }),
        Rule.method("RPC_SAME_REQUEST_TYPE", "RPCs keep their request type.", CFPJW, (p, c, out) -> {
          if (!p.inputType().equals(c.inputType())) {
            out.report(c.location(Paths.METHOD_INPUT), p.location(Paths.METHOD_INPUT), rpc(c) + " changed request type from "
                + Text.quote(p.inputType()) + " to " + Text.quote(c.inputType()) + ".");
          }
        }),
        Rule.method("RPC_SAME_RESPONSE_TYPE", "RPCs keep their response type.", CFPJW, (p, c, out) -> {
          if (!p.outputType().equals(c.outputType())) {
            out.report(c.location(Paths.METHOD_OUTPUT), p.location(Paths.METHOD_OUTPUT), rpc(c)
                + " changed response type from " + Text.quote(p.outputType()) + " to " + Text.quote(c.outputType()) + ".");
          }
        }),
        Rule.method("RPC_SAME_CLIENT_STREAMING", "RPCs keep client streaming on or off.", CFPJW, (p, c, out) -> {
          if (p.proto().getClientStreaming() != c.proto().getClientStreaming()) {
            out.report(c.location(), p.location(), rpc(c) + " changed from client "
                + (c.proto().getClientStreaming() ? "unary to client streaming." : "streaming to client unary."));
          }
        }),
        Rule.method("RPC_SAME_SERVER_STREAMING", "RPCs keep server streaming on or off.", CFPJW, (p, c, out) -> {
          if (p.proto().getServerStreaming() != c.proto().getServerStreaming()) {
            out.report(c.location(), p.location(), rpc(c) + " changed from server "
                + (c.proto().getServerStreaming() ? "unary to server streaming." : "streaming to server unary."));
          }
        }),
        Rule.method("RPC_SAME_IDEMPOTENCY_LEVEL", "RPCs keep their idempotency_level option.", CFPJW, (p, c, out) -> {
          var before = p.proto().getOptions().getIdempotencyLevel();
          var after = c.proto().getOptions().getIdempotencyLevel();
          if (before != after) {
            int[] option = {Paths.METHOD_OPTIONS, Paths.METHOD_IDEMPOTENCY};
            out.report(c.service().file.at(Paths.append(c.path(), option)),
                p.service().file.at(Paths.append(p.path(), option)),
                rpc(c) + " changed option \"idempotency_level\" from " + Text.quote(before.name()) + " to "
                    + Text.quote(after.name()) + ".");
          }
        }));
  }

  private static String rpc(MethodElement method) {
    return "RPC " + Text.quote(method.name()) + " on service " + Text.quote(method.service().name());
  }
}
