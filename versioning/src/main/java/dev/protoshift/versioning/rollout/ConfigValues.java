package dev.protoshift.versioning.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.protoshift.versioning.InvalidVersionException;
import dev.protoshift.versioning.ProtocolVersion;
import dev.protoshift.versioning.internal.Text;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses and validates single config values, from a JSON/YAML node or an environment string. */
final class ConfigValues {

  static final int MAX_ROOMS = 10_000;
  static final int MAX_ROOM_ID_LENGTH = 256;
  static final Pattern SALT = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,10}(\\.[0-9]{1,10})?");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Collects the problems of one source. */
  static final class Problems {
    final String origin;
    final List<ConfigProblem> list = new ArrayList<>();

    Problems(String origin) {
      this.origin = origin;
    }

    void add(RolloutKey key, String message) {
      list.add(new ConfigProblem(origin, Optional.ofNullable(key), message));
    }

    void throwIfAny() {
      if (!list.isEmpty()) {
        throw new InvalidConfigException(list);
      }
    }
  }

  private ConfigValues() {}

  /** The typed value of {@code key} from a JSON/YAML/OpenFeature node, or null after adding a problem. */
  static Object fromNode(RolloutKey key, JsonNode node, String name, Problems p) {
    switch (key) {
      case ENABLED:
        if (node.isBoolean()) {
          return node.booleanValue();
        }
        p.add(key, name + " must be true or false, was " + show(node));
        return null;
      case ROLLOUT_PERCENTAGE:
        if (node.isNumber() && (node.isBigDecimal() || !node.isFloatingPointNumber()
            || Double.isFinite(node.doubleValue()))) {
          return basisPoints(key, node.decimalValue(), name, p);
        }
        p.add(key, name + " must be a number 0..100, was " + show(node));
        return null;
      case FORCE_ENABLE_ROOMS:
      case FORCE_DISABLE_ROOMS:
        if (node.isNull()) {
          return Set.of();
        }
        if (!node.isArray()) {
          p.add(key, name + " must be a list of room ids such as [\"test\", \"dev\"], was " + show(node));
          return null;
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode e : node) {
          if (!e.isTextual()) {
            p.add(key, name + " entries must be strings, one was " + show(e));
            return null;
          }
          ids.add(e.textValue());
        }
        return rooms(key, ids, name, p);
      case MIN_CLIENT_VERSION:
        if (node.isNull()) {
          return Optional.empty();
        }
        if (!node.isTextual()) {
          p.add(key, name + " must be a quoted version such as \"1.1.0\", was " + show(node));
          return null;
        }
        return version(key, node.textValue(), name, p);
      case BUCKET_BY:
        if (!node.isTextual()) {
          p.add(key, name + " must be room, player or connection, was " + show(node));
          return null;
        }
        return bucketBy(key, node.textValue(), name, p);
      case SALT:
        if (!node.isTextual()) {
          p.add(key, name + " must be a string of 1 to 64 characters A-Z a-z 0-9 . _ -, was " + show(node));
          return null;
        }
        return salt(key, node.textValue(), name, p);
      default:
        throw new AssertionError(key);
    }
  }

  /** The typed value of {@code key} from its environment variable's text, or null after adding a problem. */
  static Object fromEnv(RolloutKey key, String raw, Problems p) {
    String name = key.envVar();
    String v = raw.trim();
    switch (key) {
      case ENABLED:
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
          return Boolean.parseBoolean(v);
        }
        p.add(key, name + " must be true or false, was " + Text.quoted(raw));
        return null;
      case ROLLOUT_PERCENTAGE:
        if (!DECIMAL.matcher(v).matches()) {
          p.add(key, name + " must be a number 0..100 such as 50 or 12.5, was " + Text.quoted(raw));
          return null;
        }
        return basisPoints(key, new BigDecimal(v), name, p);
      case FORCE_ENABLE_ROOMS:
      case FORCE_DISABLE_ROOMS:
        if (v.isEmpty()) {
          return Set.of();
        }
        List<String> ids = new ArrayList<>();
        for (String id : v.split(",", -1)) {
          ids.add(id.trim());
        }
        return rooms(key, ids, name, p);
      case MIN_CLIENT_VERSION:
        return v.isEmpty() || v.equalsIgnoreCase("none") ? Optional.empty() : version(key, v, name, p);
      case BUCKET_BY:
        return bucketBy(key, v.toLowerCase(Locale.ROOT), name, p);
      case SALT:
        return salt(key, v, name, p);
      default:
        throw new AssertionError(key);
    }
  }

  static Integer basisPoints(RolloutKey key, BigDecimal percent, String name, Problems p) {
    BigDecimal stripped = percent.stripTrailingZeros();
    // Plain notation only for sane scales: 1e-999999999 in plain notation would be a gigabyte.
    String shown = Text.printable(Math.abs(stripped.scale()) <= 20 ? stripped.toPlainString() : stripped.toString());
    if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
      p.add(key, name + " must be 0..100, was " + shown);
      return null;
    }
    BigDecimal bp = percent.movePointRight(2).stripTrailingZeros();
    if (bp.scale() > 0) {
      p.add(key, name + " must be a multiple of 0.01, was " + shown);
      return null;
    }
    return bp.intValueExact();
  }

  static Set<String> rooms(RolloutKey key, List<String> ids, String name, Problems p) {
    if (ids.size() > MAX_ROOMS) {
      p.add(key, name + " may list at most " + MAX_ROOMS + " rooms, listed " + ids.size());
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      if (id.isEmpty() || id.length() > MAX_ROOM_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
        p.add(key, name + " entry " + (i + 1) + " must be a room id of 1 to " + MAX_ROOM_ID_LENGTH
            + " characters without control characters, was " + Text.quoted(id));
        return null;
      }
      out.add(id);
    }
    return Collections.unmodifiableSet(out);
  }

  static Optional<ProtocolVersion> version(RolloutKey key, String text, String name, Problems p) {
    try {
      return Optional.of(ProtocolVersion.parse(text));
    } catch (InvalidVersionException e) {
      p.add(key, name + " must be a version such as \"1.1.0\", was " + Text.quoted(text) + " (" + e.reason() + ")");
      return null;
    }
  }

  static BucketBy bucketBy(RolloutKey key, String text, String name, Problems p) {
    Optional<BucketBy> b = BucketBy.fromCode(text);
    if (b.isEmpty()) {
      p.add(key, name + " must be room, player or connection, was " + Text.quoted(text));
      return null;
    }
    return b.get();
  }

  static String salt(RolloutKey key, String text, String name, Problems p) {
    if (!SALT.matcher(text).matches()) {
      p.add(key, name + " must be 1 to 64 characters A-Z a-z 0-9 . _ -, was " + Text.quoted(text));
      return null;
    }
    return text;
  }

  static String show(JsonNode node) {
    return node.isTextual() ? Text.quoted(node.textValue()) + " (a string)" : Text.printable(node.toString());
  }
}
