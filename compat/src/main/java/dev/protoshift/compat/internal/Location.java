package dev.protoshift.compat.internal;

/**
 * Where a finding points: a file and candidate source paths, the most precise first (e.g. a
 * field's {@code json_name}, then the field). The first path the file's source info knows wins;
 * the first candidate is the element whose comments may carry {@code protoshift:ignore}.
 */
record Location(FileElement file, int[][] candidates) {

  /** 1-based line and column; {@code {1, 1}} for the file itself or when no candidate has source info. */
  int[] lineColumn() {
    for (int[] path : candidates) {
      var location = file.source.get(path);
      if (location != null && location.getSpanCount() >= 2) {
        return new int[] {location.getSpan(0) + 1, location.getSpan(1) + 1};
      }
    }
    return new int[] {1, 1};
  }

  /** The path of the element itself (the last candidate, the least precise). */
  int[] elementPath() {
    return candidates.length == 0 ? new int[0] : candidates[candidates.length - 1];
  }
}
