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
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A schema to compare: the files of a descriptor set, with each file's source code info kept
 * apart and parsed only when needed.
 *
 * <p>Source code info (locations and comments) is most of a descriptor set's bytes and objects,
 * and a check needs it for few files: those with findings, with {@code protoshift:ignore}
 * comments, or whose comments may have changed. {@link #parse} therefore keeps it serialized;
 * {@link #of} wraps a set that is already parsed.
 */
public final class DescriptorImage {

  private static final int FILE_FIELD = FileDescriptorSet.FILE_FIELD_NUMBER;
  private static final int SOURCE_CODE_INFO_FIELD = FileDescriptorProto.SOURCE_CODE_INFO_FIELD_NUMBER;

  private final FileDescriptorSet files;
  private final Map<String, ByteString> sourceCodeInfo;

  private DescriptorImage(FileDescriptorSet files, Map<String, ByteString> sourceCodeInfo) {
    this.files = files;
    this.sourceCodeInfo = Collections.unmodifiableMap(sourceCodeInfo);
  }

  /** An image of a parsed set (its source code info stays in its files). */
  public static DescriptorImage of(FileDescriptorSet set) {
    return new DescriptorImage(set, Map.of());
  }

  /**
   * Reads a serialized {@code FileDescriptorSet} (or a buf image, which has the same layout),
   * leaving each file's source code info unparsed.
   *
   * @throws IllegalArgumentException if the bytes are not a descriptor set
   */
  public static DescriptorImage parse(byte[] bytes) {
    FileDescriptorSet.Builder set = FileDescriptorSet.newBuilder();
    Map<String, ByteString> sources = new HashMap<>();
    try {
      CodedInputStream in = CodedInputStream.newInstance(bytes);
      in.enableAliasing(true);
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        if (tag != lengthDelimited(FILE_FIELD)) {
          in.skipField(tag);
          continue;
        }
        ByteString fileBytes = in.readBytes();
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
        FileDescriptorProto proto = FileDescriptorProto.parseFrom(stripped.toByteString(),
            ExtensionRegistry.getEmptyRegistry());
        set.addFile(proto);
        if (source != null && !source.isEmpty()) {
          sources.merge(proto.getName(), source, ByteString::concat);
        }
      }
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("not a FileDescriptorSet: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a FileDescriptorSet: " + e.getMessage(), e);
    }
    return new DescriptorImage(set.build(), sources);
  }

  private static int lengthDelimited(int field) {
    return field << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
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
