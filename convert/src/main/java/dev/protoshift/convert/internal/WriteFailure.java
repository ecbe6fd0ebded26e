package dev.protoshift.convert.internal;

import dev.protoshift.convert.DecodeException;
import java.util.ArrayList;
import java.util.List;

/**
 * A value with no JSON form found while writing; collects its field path on the way out and
 * becomes the {@link IllegalArgumentException} {@code JsonCodec.write} documents.
 */
final class WriteFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> segments = new ArrayList<>(4);

  WriteFailure(String problem) {
    super(problem, null, false, false);
  }

  WriteFailure underKey(String key) {
    segments.add("." + key);
    return this;
  }

  WriteFailure underMapKey(String key) {
    segments.add("[" + DecodeException.echo(key) + "]");
    return this;
  }

  WriteFailure underIndex(int index) {
    segments.add("[" + index + "]");
    return this;
  }

  IllegalArgumentException toIllegalArgument(String typeName) {
    StringBuilder path = new StringBuilder(typeName);
    for (int i = segments.size() - 1; i >= 0; i--) {
      path.append(segments.get(i));
    }
    return new IllegalArgumentException(path + ": " + getMessage());
  }
}
