package dev.protoshift.server.admin;

import dev.protoshift.operations.admin.AdminApi;
import dev.protoshift.operations.admin.AdminRoute.AdminResponse;
import java.io.InputStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Serves an {@link AdminApi} on Jetty: the whole adapter a game server on Jetty writes. */
public final class AdminHandler extends Handler.Abstract {

  private final AdminApi api;

  public AdminHandler(AdminApi api) {
    this.api = api;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    AdminResponse answer = api.handle(new AdminApi.Request(request.getMethod(), Request.getPathInContext(request),
        request.getHttpURI().getQuery(), request.getHeaders().getValuesList(HttpHeader.AUTHORIZATION),
        limit -> {
          try (InputStream in = Content.Source.asInputStream(request)) {
            return in.readNBytes(limit);
          }
        }));
    response.setStatus(answer.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    answer.headers().forEach(response.getHeaders()::put);
    Content.Sink.write(response, true, answer.body(), callback);
    return true;
  }
}
