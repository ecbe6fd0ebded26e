package dev.protoshift.server.jetty;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser origins may open a game connection (defence against cross-site WebSocket
 * hijacking). An upgrade request without an {@code Origin} header comes from a non-browser
 * client and is allowed; one with an {@code Origin} must match an entry of the allow-list
 * exactly ({@code scheme://host[:port]}, compared case-insensitively), unless the list holds
 * {@code *}.
 */
public final class OriginPolicy {

  private final Set<String> allowed;
  private final boolean any;

  private OriginPolicy(Set<String> allowed, boolean any) {
    this.allowed = allowed;
    this.any = any;
  }

  /**
   * An allow-list; {@code *} allows every origin.
   *
   * @throws IllegalArgumentException naming the entry if one is not an origin
   *     ({@code scheme://host[:port]}, no path)
   */
  public static OriginPolicy allowing(List<String> origins) {
    boolean any = origins.contains("*");
    Set<String> normalized = origins.stream()
        .filter(o -> !o.equals("*"))
        .map(OriginPolicy::validate)
        .collect(Collectors.toUnmodifiableSet());
    return new OriginPolicy(normalized, any);
  }

  private static String validate(String origin) {
    String o = origin.strip().toLowerCase(Locale.ROOT);
    try {
      URI uri = new URI(o);
      boolean ok = uri.getScheme() != null && uri.getHost() != null
          && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
          && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
      if (ok) {
        return o;
      }
    } catch (java.net.URISyntaxException e) {
      // falls through to the error below
    }
    throw new IllegalArgumentException(
        "allowed origin must look like https://game.example.com[:port], was \"" + origin + "\"");
  }

  /** True if a request with this {@code Origin} header value (or none, {@code null}) may connect. */
  public boolean allows(String originHeader) {
    if (originHeader == null || any) {
      return true;
    }
    return allowed.contains(originHeader.strip().toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return any ? "any origin" : allowed.isEmpty() ? "no browser origin" : "origins " + allowed;
  }
}
