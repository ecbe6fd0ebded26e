package dev.protoshift.convert;

import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import dev.protoshift.convert.internal.JsonEngine;
import dev.protoshift.convert.internal.JsonSettings;
import java.util.Objects;

/**
 * JSON for any protobuf message: protobuf's canonical JSON mapping (the ProtoJSON format of
 * protobuf.dev), driven by the message's descriptor and written and parsed with Jackson's streaming
 * API, with the {@link Options} a server whose clients already speak JSON needs. See docs/json.md.
 *
 * <pre>{@code
 * JsonCodec json = ProtoJson.create(ProtoJson.Options.builder()
 *     .fieldNames(ProtoJson.FieldNames.PROTO_NAME)       // {"server_time_ms":...}
 *     .int64(ProtoJson.Int64Format.NUMBER)               // 1700000000000, not "1700000000000"
 *     .build());
 * byte[] frame = json.write(arena);
 * Arena.Builder back = Arena.newBuilder();
 * json.read(frame, back);                                // DecodeException names the bad key
 * }</pre>
 *
 * <p>Writing: compact UTF-8 JSON, fields in field-number order, map entries in the map's
 * iteration order. Extensions and unknown fields of the binary form are not written.
 * {@code google.protobuf.Any} is refused (there is no type registry): use a {@code oneof}.
 *
 * <p>Reading: accepts what protobuf's parsers accept (both key forms, numbers as strings, enum
 * numbers, URL-safe base64, {@code "NaN"}), merges into the builder (scalars replace, messages
 * merge, repeated fields and maps append), and refuses duplicate keys, two members of one oneof,
 * unknown keys (unless {@link UnknownKeys#IGNORE}) and deep nesting. A JSON {@code null} is an
 * absent key, except for {@code google.protobuf.Value} and {@code google.protobuf.NullValue}.
 *
 * <p>Instances are immutable and thread-safe; keep one per option set (each caches the per-type
 * plans it derives from descriptors).
 */
public final class ProtoJson implements JsonCodec {

  /** Which key a field is written with. Reading accepts both unless {@link Options#strictFieldNames()}. */
  public enum FieldNames {
    /** The lowerCamelCase JSON name ({@code json_name}), protobuf's default: {@code serverTimeMs}. */
    JSON_NAME,
    /** The field's name in the .proto file: {@code server_time_ms}. */
    PROTO_NAME
  }

  /** How int64, uint64, sint64, fixed64 and sfixed64 values are written. Reading accepts both. */
  public enum Int64Format {
    /** A JSON string, {@code "1700000000000"}: protobuf's default, exact in JavaScript. */
    STRING,
    /** A JSON number, {@code 1700000000000}: inexact in JavaScript beyond 2^53. */
    NUMBER
  }

  /** How enum values are written. Reading accepts both. */
  public enum EnumFormat {
    /** The value's name, {@code "UP"} (protobuf's default); a number no value has stays a number. */
    NAME,
    /** The value's number, {@code 1}. */
    NUMBER
  }

  /** What reading does with a key the message type does not have. */
  public enum UnknownKeys {
    /** A {@link DecodeException} naming the key and the message type: protobuf's default. */
    REFUSE,
    /** Skip it, and skip unknown enum names too (as protobuf's {@code ignoringUnknownFields}). */
    IGNORE
  }

  private final Options options;
  private final JsonEngine engine;

  private ProtoJson(Options options) {
    this.options = options;
    this.engine = new JsonEngine(new JsonSettings(options.fieldNames == FieldNames.PROTO_NAME,
        options.int64 == Int64Format.NUMBER, options.writeDefaults, options.enums == EnumFormat.NUMBER,
        options.unknownKeys == UnknownKeys.IGNORE, options.strictFieldNames, options.recursionLimit));
  }

  /** A codec with protobuf's defaults ({@link Options#defaults()}). */
  public static ProtoJson create() {
    return new ProtoJson(Options.defaults());
  }

  /** A codec with these options. */
  public static ProtoJson create(Options options) {
    return new ProtoJson(Objects.requireNonNull(options, "options"));
  }

  /** The options this codec was created with. */
  public Options options() {
    return options;
  }

  /**
   * Writes {@code message} as compact UTF-8 JSON, fields in field-number order.
   *
   * @throws IllegalArgumentException if the message has no JSON form, naming the field: a set
   *     {@code google.protobuf.Any}, a Timestamp or Duration outside its valid range, a {@code
   *     google.protobuf.Value} number that is NaN or infinite, a FieldMask path that cannot be
   *     written in lowerCamelCase
   * @throws NullPointerException if {@code message} is null
   */
  @Override
  public byte[] write(MessageOrBuilder message) {
    return engine.write(Objects.requireNonNull(message, "message"));
  }

  /**
   * Reads one JSON value of {@code builder}'s type (an object, or a well-known type's JSON form)
   * and merges it into {@code builder}, as {@code builder.mergeFrom} merges the binary form. On a
   * {@link DecodeException} the builder is unchanged.
   *
   * @throws DecodeException {@link DecodeException.Reason#MALFORMED} if the bytes are not one JSON
   *     value of the right shape (not UTF-8, not JSON, not an object, trailing content);
   *     {@link DecodeException.Reason#INVALID_FIELD} for a bad key or value, the message starting
   *     with its key path, e.g. {@code snakes[1].body[0].x: expected an int32, was "up"}
   * @throws NullPointerException if an argument is null
   */
  @Override
  public void read(byte[] utf8, Message.Builder builder) throws DecodeException {
    engine.read(Objects.requireNonNull(utf8, "utf8"), Objects.requireNonNull(builder, "builder"));
  }

  @Override
  public String toString() {
    return "ProtoJson" + options;
  }

  /**
   * What {@link ProtoJson} writes and accepts; immutable. {@link #defaults()} are protobuf's
   * ({@code JsonFormat.printer()} with {@code omittingInsignificantWhitespace()} and {@code
   * JsonFormat.parser()}).
   */
  public static final class Options {

    private static final Options DEFAULTS = new Builder().build();

    private final FieldNames fieldNames;
    private final boolean strictFieldNames;
    private final Int64Format int64;
    private final boolean writeDefaults;
    private final EnumFormat enums;
    private final UnknownKeys unknownKeys;
    private final int recursionLimit;

    private Options(Builder b) {
      this.fieldNames = b.fieldNames;
      this.strictFieldNames = b.strictFieldNames;
      this.int64 = b.int64;
      this.writeDefaults = b.writeDefaults;
      this.enums = b.enums;
      this.unknownKeys = b.unknownKeys;
      this.recursionLimit = b.recursionLimit;
    }

    /** Protobuf's defaults: JSON names, 64-bit integers as strings, defaults omitted, enum names, unknown keys refused. */
    public static Options defaults() {
      return DEFAULTS;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
      return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
      return new Builder(this);
    }

    /** Which key fields are written with; default {@link FieldNames#JSON_NAME}. */
    public FieldNames fieldNames() {
      return fieldNames;
    }

    /** Whether reading accepts only the {@link #fieldNames()} form of each key; default false (both). */
    public boolean strictFieldNames() {
      return strictFieldNames;
    }

    /** How 64-bit integers are written; default {@link Int64Format#STRING}. */
    public Int64Format int64() {
      return int64;
    }

    /**
     * Whether fields without presence (proto3 scalars and enums not marked {@code optional},
     * repeated fields, maps) are written when they hold their default (0, "", false, the first
     * enum value, empty); default false. Fields with presence are written when set, whatever
     * their value.
     */
    public boolean writeDefaults() {
      return writeDefaults;
    }

    /** How enum values are written; default {@link EnumFormat#NAME}. */
    public EnumFormat enums() {
      return enums;
    }

    /** What reading does with unknown keys and unknown enum names; default {@link UnknownKeys#REFUSE}. */
    public UnknownKeys unknownKeys() {
      return unknownKeys;
    }

    /** How deeply messages, Structs and lists may nest when reading; default 100 (as protobuf's parsers). */
    public int recursionLimit() {
      return recursionLimit;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Options other && fieldNames == other.fieldNames && strictFieldNames == other.strictFieldNames
          && int64 == other.int64 && writeDefaults == other.writeDefaults && enums == other.enums
          && unknownKeys == other.unknownKeys && recursionLimit == other.recursionLimit;
    }

    @Override
    public int hashCode() {
      return Objects.hash(fieldNames, strictFieldNames, int64, writeDefaults, enums, unknownKeys, recursionLimit);
    }

    @Override
    public String toString() {
      return "[fieldNames=" + fieldNames + (strictFieldNames ? " (strict)" : "") + ", int64=" + int64
          + ", writeDefaults=" + writeDefaults + ", enums=" + enums + ", unknownKeys=" + unknownKeys
          + ", recursionLimit=" + recursionLimit + "]";
    }

    /** Builds {@link Options}; not thread-safe. */
    public static final class Builder {
      private FieldNames fieldNames = FieldNames.JSON_NAME;
      private boolean strictFieldNames;
      private Int64Format int64 = Int64Format.STRING;
      private boolean writeDefaults;
      private EnumFormat enums = EnumFormat.NAME;
      private UnknownKeys unknownKeys = UnknownKeys.REFUSE;
      private int recursionLimit = 100;

      private Builder() {}

      private Builder(Options o) {
        fieldNames = o.fieldNames;
        strictFieldNames = o.strictFieldNames;
        int64 = o.int64;
        writeDefaults = o.writeDefaults;
        enums = o.enums;
        unknownKeys = o.unknownKeys;
        recursionLimit = o.recursionLimit;
      }

      /** See {@link Options#fieldNames()}. */
      public Builder fieldNames(FieldNames fieldNames) {
        this.fieldNames = Objects.requireNonNull(fieldNames, "fieldNames");
        return this;
      }

      /** See {@link Options#strictFieldNames()}. */
      public Builder strictFieldNames(boolean strict) {
        this.strictFieldNames = strict;
        return this;
      }

      /** See {@link Options#int64()}. */
      public Builder int64(Int64Format int64) {
        this.int64 = Objects.requireNonNull(int64, "int64");
        return this;
      }

      /** See {@link Options#writeDefaults()}. */
      public Builder writeDefaults(boolean writeDefaults) {
        this.writeDefaults = writeDefaults;
        return this;
      }

      /** See {@link Options#enums()}. */
      public Builder enums(EnumFormat enums) {
        this.enums = Objects.requireNonNull(enums, "enums");
        return this;
      }

      /** See {@link Options#unknownKeys()}. */
      public Builder unknownKeys(UnknownKeys unknownKeys) {
        this.unknownKeys = Objects.requireNonNull(unknownKeys, "unknownKeys");
        return this;
      }

      /**
       * See {@link Options#recursionLimit()}.
       *
       * @throws IllegalArgumentException if {@code limit} is not in 1..500
       */
      public Builder recursionLimit(int limit) {
        if (limit < 1 || limit > JsonSettings.MAX_RECURSION_LIMIT) {
          throw new IllegalArgumentException(
              "recursionLimit must be 1.." + JsonSettings.MAX_RECURSION_LIMIT + ", was " + limit);
        }
        this.recursionLimit = limit;
        return this;
      }

      public Options build() {
        return new Options(this);
      }
    }
  }
}
