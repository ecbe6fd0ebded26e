package dev.protoshift.compat.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo.Location;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A file's source code info, parsed and indexed by path on first use: most files of a large
 * schema never need it (only those with findings, ignore comments or changed comments).
 */
final class SourceInfo {

  /** The serialized info when the image kept it apart, else null. */
  private final ByteString raw;
  private final Supplier<SourceCodeInfo> parse;
  private SourceCodeInfo info;
  private Map<Key, Location> byPath;

  SourceInfo(ByteString raw, Supplier<SourceCodeInfo> parse) {
    this.raw = raw;
    this.parse = parse;
  }

  SourceCodeInfo info() {
    if (info == null) {
      info = parse.get();
    }
    return info;
  }

  List<Location> locations() {
    return info().getLocationList();
  }

  /** The location recorded for {@code path}, or null. */
  Location get(int[] path) {
    if (byPath == null) {
      Map<Key, Location> index = new HashMap<>(info().getLocationCount() * 2);
      for (Location location : info().getLocationList()) {
        int[] p = location.getPathList().stream().mapToInt(Integer::intValue).toArray();
        index.putIfAbsent(new Key(p), location);
      }
      byPath = index;
    }
    return byPath.get(new Key(path));
  }

  boolean isEmpty() {
    return raw != null ? raw.isEmpty() : info().getLocationCount() == 0;
  }

  /** False only when {@code text} certainly appears in no comment (checked on the raw bytes if kept). */
  boolean mayContain(String text) {
    if (raw == null) {
      return true;
    }
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    byte[] haystack = raw.toByteArray();
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** True if both carry the same comments at the same paths (identical raw bytes settle it). */
  boolean sameCommentsAs(SourceInfo other) {
    if (raw != null && raw.equals(other.raw)) {
      return true;
    }
    return comments().equals(other.comments());
  }

  private Map<List<Integer>, String> comments() {
    Map<List<Integer>, String> out = new HashMap<>();
    for (Location location : info().getLocationList()) {
      if (location.hasLeadingComments() || location.hasTrailingComments()
          || location.getLeadingDetachedCommentsCount() > 0) {
        out.merge(location.getPathList(), location.getLeadingDetachedCommentsList() + "|"
            + location.getLeadingComments() + "|" + location.getTrailingComments(), String::concat);
      }
    }
    return out;
  }

  /** The comments attached to {@code path}: leading, trailing and detached, joined. */
  String comments(int[] path) {
    Location location = get(path);
    if (location == null) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    location.getLeadingDetachedCommentsList().forEach(c -> text.append(c).append('\n'));
    text.append(location.getLeadingComments()).append('\n').append(location.getTrailingComments());
    return text.toString();
  }

  private record Key(int[] path) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(path, k.path);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(path);
    }
  }
}
