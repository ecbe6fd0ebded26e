package dev.protoshift.versioning.rollout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event it hears, for assertions. */
final class RecordingListener implements ConfigListener {

  final List<ConfigChange> changes = new CopyOnWriteArrayList<>();
  final List<ConfigRejection> rejections = new CopyOnWriteArrayList<>();

  @Override
  public void onChange(ConfigChange change) {
    changes.add(change);
  }

  @Override
  public void onRejected(ConfigRejection rejection) {
    rejections.add(rejection);
  }

  ConfigChange lastChange() {
    return changes.get(changes.size() - 1);
  }

  ConfigRejection lastRejection() {
    return rejections.get(rejections.size() - 1);
  }
}
