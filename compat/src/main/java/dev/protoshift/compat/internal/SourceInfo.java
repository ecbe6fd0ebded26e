package dev.protoshift.compat.internal;

import com.google.protobuf.DescriptorProtos.SourceCodeInfo;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo.Location;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A file's source code info indexed by path, built on first use (most files never need it: only
 * those with findings or ignore comments).
 */
final class SourceInfo {

  private final SourceCodeInfo info;
  private Map<Key, Location> byPath;

  SourceInfo(SourceCodeInfo info) {
    this.info = info;
  }

  /** The location recorded for {@code path}, or null. */
  Location get(int[] path) {
    if (byPath == null) {
      Map<Key, Location> index = new HashMap<>(info.getLocationCount() * 2);
      for (Location location : info.getLocationList()) {
        int[] p = location.getPathList().stream().mapToInt(Integer::intValue).toArray();
        index.putIfAbsent(new Key(p), location);
      }
      byPath = index;
    }
    return byPath.get(new Key(path));
  }

  boolean isEmpty() {
    return info.getLocationCount() == 0;
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
