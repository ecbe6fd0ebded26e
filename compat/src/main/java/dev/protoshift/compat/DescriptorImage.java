package dev.protoshift.compat;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A schema to compare: the files of a descriptor set, with each file's source code info kept
 * apart and parsed only when needed.
 *
 * <p>Source code info (locations and comments) is most of a descriptor set's bytes and objects,
 * and a check needs it for few files: those with findings, with {@code protoshift:ignore}
 * comments, or whose comments may have changed. {@link #parse} therefore keeps it serialized;
 * {@link #of} wraps a set that is already parsed. Comparing two versions of a schema, {@link
 * #parse(byte[], DescriptorImage)} parses only the files that differ from the other side's, and
 * {@link #sameFile} tells which files a check can skip.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class DescriptorImage {

  private static final int FILE_FIELD = FileDescriptorSet.FILE_FIELD_NUMBER;
  private static final int SOURCE_CODE_INFO_FIELD = FileDescriptorProto.SOURCE_CODE_INFO_FIELD_NUMBER;
  /** Below this many files a parse stays on the calling thread. */
  private static final int PARALLEL_FROM = 64;

  private final FileDescriptorSet files;
  private final Map<String, ByteString> sourceCodeInfo;
  /** For a parsed image: each file's bytes as the set holds them (source info included), by name. */
  private final Map<String, ByteString> serialized;
  /** For a parsed image: each file's parsed form by its bytes, for a later {@link #parse(byte[], DescriptorImage)}. */
  private final Map<ByteString, Split> byBytes;
  /** The files by name, indexed on first use (racy but idempotent). */
  private volatile Map<String, FileDescriptorProto> byName;

  private DescriptorImage(FileDescriptorSet files, Map<String, ByteString> sourceCodeInfo,
      Map<String, ByteString> serialized, Map<ByteString, Split> byBytes) {
    this.files = files;
    this.sourceCodeInfo = Collections.unmodifiableMap(sourceCodeInfo);
    this.serialized = serialized;
    this.byBytes = byBytes;
  }

  /** An image of a parsed set (its source code info stays in its files). */
  public static DescriptorImage of(FileDescriptorSet set) {
    return new DescriptorImage(set, Map.of(), Map.of(), Map.of());
  }

  /**
   * Reads a serialized {@code FileDescriptorSet} (or a buf image, which has the same layout),
   * leaving each file's source code info unparsed.
   *
   * @throws IllegalArgumentException if the bytes are not a descriptor set
   */
  public static DescriptorImage parse(byte[] bytes) {
    return parse(bytes, null);
  }

  /**
   * Reads a serialized set as {@link #parse(byte[])} does, except that a file whose bytes are those
   * of a file of {@code reuse} is not parsed again: it shares {@code reuse}'s parsed descriptor.
   * Comparing two versions of a large schema then parses what changed, not everything twice.
   *
   * @param reuse an image parsed from bytes (the other side of a comparison), or null
   * @throws IllegalArgumentException if the bytes are not a descriptor set
   */
  public static DescriptorImage parse(byte[] bytes, DescriptorImage reuse) {
    List<ByteString> entries = new ArrayList<>();
    try {
      CodedInputStream in = CodedInputStream.newInstance(bytes);
      in.enableAliasing(true);
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        if (tag == lengthDelimited(FILE_FIELD)) {
          entries.add(in.readBytes());
        } else {
          in.skipField(tag);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not a FileDescriptorSet: " + e.getMessage(), e);
    }
    Map<ByteString, Split> known = reuse == null ? Map.of() : reuse.byBytes;
    Split[] split = new Split[entries.size()];
    IllegalArgumentException[] failed = new IllegalArgumentException[split.length];
    IntStream indices = IntStream.range(0, split.length);
    (split.length >= PARALLEL_FROM ? indices.parallel() : indices).forEach(i -> {
      Split shared = known.get(entries.get(i));
      try {
        split[i] = shared != null ? shared : split(entries.get(i));
      } catch (IllegalArgumentException e) {
        failed[i] = e;
      }
    });
    FileDescriptorSet.Builder set = FileDescriptorSet.newBuilder();
    Map<String, ByteString> sources = new HashMap<>();
    Map<String, ByteString> serialized = new HashMap<>();
    Map<ByteString, Split> byBytes = new HashMap<>();
    for (int i = 0; i < split.length; i++) {
      if (failed[i] != null) {
        throw failed[i]; // the first broken file, whichever thread parsed it
      }
      FileDescriptorProto proto = split[i].proto();
      set.addFile(proto);
      if (split[i].source() != null && !split[i].source().isEmpty()) {
        sources.merge(proto.getName(), split[i].source(), ByteString::concat);
      }
      serialized.putIfAbsent(proto.getName(), entries.get(i));
      byBytes.putIfAbsent(entries.get(i), split[i]);
    }
    return new DescriptorImage(set.build(), sources, serialized, byBytes);
  }

  /** A file's descriptor without its source code info, and that info, still serialized. */
  private record Split(FileDescriptorProto proto, ByteString source) {}

  private static Split split(ByteString fileBytes) {
    try {
      ByteString.Output stripped = ByteString.newOutput(fileBytes.size());
      CodedOutputStream out = CodedOutputStream.newInstance(stripped);
      ByteString source = null;
      CodedInputStream file = fileBytes.newCodedInput();
      for (int t = file.readTag(); t != 0; t = file.readTag()) {
        if (t == lengthDelimited(SOURCE_CODE_INFO_FIELD)) {
          ByteString more = file.readBytes();
          source = source == null ? more : source.concat(more); // repeated occurrences merge
        } else {
          file.skipField(t, out);
        }
      }
      out.flush();
      return new Split(FileDescriptorProto.parseFrom(stripped.toByteString(), ExtensionRegistry.getEmptyRegistry()),
          source);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a FileDescriptorSet: " + e.getMessage(), e);
    }
  }

  private static int lengthDelimited(int field) {
    return field << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
  }

  /**
   * True if this image and {@code other} both hold a file named {@code name} with the same
   * descriptor, source code info included: byte-identical serialized forms for images {@linkplain
   * #parse parsed} from bytes; for images {@linkplain #of of parsed sets}, the very same {@code
   * FileDescriptorProto} object (comparing two parsed descriptors field by field would cost about
   * what the rules it lets a check skip cost). A check skips the rules over the elements of such a
   * file where nothing they read from other files changed either.
   */
  public boolean sameFile(String name, DescriptorImage other) {
    ByteString mine = serialized.get(name);
    ByteString theirs = other.serialized.get(name);
    if (mine != null && theirs != null) {
      return mine.equals(theirs);
    }
    FileDescriptorProto a = file(name);
    return a != null && a == other.file(name)
        && java.util.Objects.equals(sourceCodeInfo.get(name), other.sourceCodeInfo.get(name));
  }

  private FileDescriptorProto file(String name) {
    Map<String, FileDescriptorProto> index = byName;
    if (index == null) {
      index = new HashMap<>();
      for (FileDescriptorProto file : files.getFileList()) {
        index.putIfAbsent(file.getName(), file);
      }
      byName = index;
    }
    return index.get(name);
  }

  /** The files; without their source code info if the image was {@linkplain #parse parsed}. */
  public FileDescriptorSet files() {
    return files;
  }

  /**
   * The serialized source code info of a file, if it was kept apart ({@link #parse}); empty for an
   * image {@linkplain #of of a parsed set}, whose files carry their own.
   */
  public Optional<ByteString> rawSourceCodeInfo(String fileName) {
    return Optional.ofNullable(sourceCodeInfo.get(fileName));
  }

  /**
   * A file's source code info, parsed now if it was kept apart; empty info if there is none.
   *
   * @throws IllegalArgumentException if the kept bytes do not parse
   */
  public SourceCodeInfo sourceCodeInfo(FileDescriptorProto file) {
    ByteString raw = sourceCodeInfo.get(file.getName());
    if (raw == null) {
      return file.getSourceCodeInfo();
    }
    try {
      return SourceCodeInfo.parseFrom(raw, ExtensionRegistry.getEmptyRegistry());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(file.getName() + ": source code info does not parse: " + e.getMessage(), e);
    }
  }
}
