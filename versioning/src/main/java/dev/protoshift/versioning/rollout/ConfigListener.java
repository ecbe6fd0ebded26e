package dev.protoshift.versioning.rollout;

/**
 * Hears about config changes and refusals, e.g. to re-decide live connections and to count
 * rejected reloads. Called on the thread that applied the change (the file watcher, an
 * OpenFeature event thread, or the admin caller), one event at a time and in order; keep it quick.
 * An exception it throws is logged and does not stop other listeners.
 */
public interface ConfigListener {

  /** The effective config changed from {@code change.previous()} to {@code change.current()}. */
  void onChange(ConfigChange change);

  /** A source was refused; the config in force stays. */
  default void onRejected(ConfigRejection rejection) {}
}
