package dev.protoshift.versioning.rollout;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Holds the rollout config in force and keeps it current. The config is the {@link
 * ConfigSource} layers merged in order (defaults, file, OpenFeature, environment, ramp, admin: a
 * later layer's keys win). The file is hot-reloaded, OpenFeature flags are re-read on provider events,
 * and the admin layer is replaced through this class. A source whose new content is invalid,
 * unreadable or deleted is refused: the last good config stays in force, the refusal is logged
 * and reported to {@link ConfigListener#onRejected}. Thread-safe; {@link #current()} never blocks.
 *
 * <p>The admin layer never waits on the file: the file is read outside the lock that changes the
 * config, only if it is a regular file, at most 1 MiB, and a read that does not finish within two
 * seconds (a FIFO, a device, a stalled mount) is abandoned and reported. A file that cannot be read
 * or is invalid is retried every poll interval and reported by {@link #fileHealth()}.
 *
 * <pre>{@code
 * RolloutConfigHolder holder = RolloutConfigHolder.builder()
 *     .watchFile(Path.of("/etc/game/config.yaml"))
 *     .environment(System.getenv())
 *     .build();
 * holder.addListener(change -> redecideAll(change.current()));
 * }</pre>
 */
public final class RolloutConfigHolder implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(RolloutConfigHolder.class.getName());

  private final Object lock = new Object();
  private final EnumMap<ConfigSource, RolloutOverrides> layers = new EnumMap<>(ConfigSource.class);
  private final List<ConfigListener> listeners = new CopyOnWriteArrayList<>();
  private final Clock clock;
  private volatile RolloutConfig current = RolloutConfig.defaults();
  private ConfigFileWatcher file;
  private OpenFeatureLayer openFeature;

  private RolloutConfigHolder(Clock clock) {
    this.clock = clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The config in force. */
  public RolloutConfig current() {
    return current;
  }

  /** What one layer sets (empty if it sets nothing). */
  public RolloutOverrides layer(ConfigSource source) {
    synchronized (lock) {
      return layers.getOrDefault(source, RolloutOverrides.none());
    }
  }

  /** The config file, if there is one. */
  public Optional<Path> file() {
    return Optional.ofNullable(file).map(ConfigFileWatcher::path);
  }

  /**
   * How reading the config file goes, if there is one: healthy, or failing (deleted, not a regular
   * file, a read that timed out, invalid content) since when and why. While it fails the last good
   * config stays in force and the file no longer controls anything, so export this (a metric, a
   * readiness detail). Never blocks.
   */
  public Optional<ConfigSourceHealth> fileHealth() {
    return Optional.ofNullable(file).map(ConfigFileWatcher::health);
  }

  /** Replaces the admin layer; returns the config now in force. */
  public RolloutConfig setAdminOverrides(RolloutOverrides overrides) {
    return replaceLayer(ConfigSource.ADMIN, Objects.requireNonNull(overrides, "overrides"));
  }

  /**
   * Parses an admin request body ({@link RolloutOverrides#parseSection}) and replaces the admin
   * layer with it; returns the config now in force.
   *
   * @throws InvalidConfigException if the body is invalid; the refusal is also reported to listeners
   */
  public RolloutConfig setAdminOverrides(String body) {
    RolloutOverrides parsed;
    try {
      parsed = RolloutOverrides.parseSection(body, "admin");
    } catch (InvalidConfigException e) {
      reject(ConfigSource.ADMIN, e.problems());
      throw e;
    }
    return setAdminOverrides(parsed);
  }

  /**
   * Replaces the ramp layer (above the environment, below the admin layer): what a guarded ramp's
   * current step sets, e.g. {@code rollout_percentage: 25}; {@link RolloutOverrides#none()} when no
   * ramp runs. Returns the config now in force.
   */
  public RolloutConfig setRampOverrides(RolloutOverrides overrides) {
    return replaceLayer(ConfigSource.RAMP, Objects.requireNonNull(overrides, "overrides"));
  }

  /** Sets the given keys in the admin layer, keeping its other keys (e.g. just {@code enabled: false}). */
  public RolloutConfig mergeAdminOverrides(RolloutOverrides overrides) {
    synchronized (lock) {
      return replaceLayer(ConfigSource.ADMIN, layer(ConfigSource.ADMIN).overlay(overrides));
    }
  }

  /** Empties the admin layer: the file, OpenFeature and environment apply again. */
  public RolloutConfig clearAdminOverrides() {
    return replaceLayer(ConfigSource.ADMIN, RolloutOverrides.none());
  }

  /** Re-reads the config file now (the watcher does this by itself); no-op without a file. */
  public void reloadFile() {
    if (file != null) {
      file.check();
    }
  }

  /** Re-reads the OpenFeature flags now (provider events do this by itself); no-op without a client. */
  public void refreshOpenFeature() {
    if (openFeature != null) {
      openFeature.refresh();
    }
  }

  public void addListener(ConfigListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public void removeListener(ConfigListener listener) {
    listeners.remove(listener);
  }

  /** Stops watching the file and unsubscribes from OpenFeature events. The config stays readable. */
  @Override
  public void close() {
    if (file != null) {
      file.close();
    }
    if (openFeature != null) {
      openFeature.close();
    }
  }

  RolloutConfig replaceLayer(ConfigSource source, RolloutOverrides overrides) {
    synchronized (lock) {
      layers.put(source, overrides);
      RolloutConfig previous = current;
      RolloutConfig merged = RolloutConfig.defaults();
      for (RolloutOverrides layer : layers.values()) {
        merged = merged.with(layer);
      }
      current = merged;
      if (!merged.equals(previous)) {
        LOG.log(System.Logger.Level.INFO, "rollout config changed by {0}: {1}", source, merged);
        ConfigChange change = new ConfigChange(previous, merged, source, clock.instant());
        for (ConfigListener l : listeners) {
          try {
            l.onChange(change);
          } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "rollout config listener failed on a change", e);
          }
        }
      }
      return merged;
    }
  }

  Instant now() {
    return clock.instant();
  }

  void reject(ConfigSource source, List<ConfigProblem> problems) {
    synchronized (lock) {
      ConfigRejection rejection = new ConfigRejection(source, problems, current, clock.instant());
      LOG.log(System.Logger.Level.WARNING, rejection.message());
      for (ConfigListener l : listeners) {
        try {
          l.onRejected(rejection);
        } catch (RuntimeException | Error e) {
          LOG.log(System.Logger.Level.ERROR, "rollout config listener failed on a rejection", e);
        }
      }
    }
  }

  /** Configures the sources of a {@link RolloutConfigHolder}. */
  public static final class Builder {
    private Path file;
    private boolean watch;
    private Duration pollInterval = ConfigFileWatcher.DEFAULT_POLL_INTERVAL;
    private Map<String, String> environment = Map.of();
    // OpenFeature is an optional dependency: this class's code never names an OpenFeature type
    // except in openFeature(...)'s signatures, so a server without it never loads it.
    private OpenFeatureLayer.Source openFeature;
    private final List<ConfigListener> listeners = new CopyOnWriteArrayList<>();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Reads the YAML file once at {@link #build()} (no hot reload). */
    public Builder file(Path path) {
      this.file = Objects.requireNonNull(path, "path");
      this.watch = false;
      return this;
    }

    /** Reads the YAML file at {@link #build()} and hot-reloads it: its directory is watched (so a
     * Kubernetes ConfigMap's {@code ..data} symlink swap is seen) and re-checked every poll interval. */
    public Builder watchFile(Path path) {
      this.file = Objects.requireNonNull(path, "path");
      this.watch = true;
      return this;
    }

    /**
     * How often the watched file is re-checked even without a file-system event (default 500 ms;
     * events, where the platform delivers them, apply a change at once).
     *
     * @throws IllegalArgumentException unless 10 ms..1 minute
     */
    public Builder pollInterval(Duration interval) {
      if (interval == null || interval.toMillis() < 10 || interval.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("pollInterval must be 10 ms..1 minute, was " + interval);
      }
      this.pollInterval = interval;
      return this;
    }

    /** The environment to read {@code PROTOBUF_*} variables from, e.g. {@code System.getenv()} (default: none). */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
      return this;
    }

    /** Reads the {@code protobuf.*} flags through this OpenFeature client and re-reads them on provider events. */
    public Builder openFeature(Client client) {
      this.openFeature = OpenFeatureLayer.source(client);
      return this;
    }

    /** Like {@link #openFeature(Client)}, evaluating flags with this context (e.g. the deployment's region). */
    public Builder openFeature(Client client, EvaluationContext context) {
      this.openFeature = OpenFeatureLayer.source(client, context);
      return this;
    }

    /** A listener registered before the first config is applied. */
    public Builder listener(ConfigListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** The clock for event timestamps (default UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Reads every source and starts watching.
     *
     * @throws InvalidConfigException if a source is invalid at start (including a missing file):
     *     there is no last good config to keep yet
     */
    public RolloutConfigHolder build() {
      RolloutConfigHolder holder = new RolloutConfigHolder(clock);
      RolloutOverrides env = RolloutOverrides.fromEnvironment(environment);
      EnvironmentCheck.warnAboutUnknownVariables(environment);
      try {
        if (file != null) {
          holder.file = new ConfigFileWatcher(file, pollInterval, holder);
          holder.replaceLayer(ConfigSource.FILE, holder.file.loadInitial());
        }
        if (openFeature != null) {
          holder.openFeature = openFeature.layer(holder);
          holder.replaceLayer(ConfigSource.OPENFEATURE, holder.openFeature.loadInitial());
        }
        holder.replaceLayer(ConfigSource.ENVIRONMENT, env);
        holder.listeners.addAll(listeners); // after the initial layers: listeners hear of changes, not of the start
        if (holder.file != null && watch) {
          holder.file.start();
        }
        if (holder.openFeature != null) {
          holder.openFeature.subscribe();
        }
        return holder;
      } catch (RuntimeException e) {
        holder.close();
        throw e;
      }
    }
  }
}
