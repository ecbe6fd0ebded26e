package dev.protoshift.compat.bench;

import dev.protoshift.compat.internal.ProtoCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a large synthetic schema pair for the benchmarks: {@code FILES} proto3 files of
 * {@code MESSAGES} messages with {@code FIELDS} fields each (2,000 x 5 x 5 = 50,000 fields), an
 * enum per file and a service per ten files, then the same schema with a known set of edits in
 * every {@code EDIT_EVERY}th file:
 *
 * <ul>
 *   <li>field 5 of message 0 deleted (FIELD_NO_DELETE);
 *   <li>field 1 of message 1 changed from int32 to int64 (FIELD_SAME_TYPE);
 *   <li>field 2 of message 2 renamed (FIELD_SAME_NAME and FIELD_SAME_JSON_NAME);
 *   <li>enum value 4 deleted (ENUM_VALUE_NO_DELETE);
 *   <li>a field added to message 3 (no finding).
 * </ul>
 *
 * <p>Both sides are compiled with protoc to descriptor sets with source info, the images that
 * both protoshift and {@code buf breaking} read. Usage: {@code SyntheticSchema OUTPUT_DIR}.
 */
public final class SyntheticSchema {

  public static final int FILES = 2_000;
  public static final int MESSAGES = 5;
  public static final int FIELDS = 5;
  public static final int EDIT_EVERY = 100;
  /** Findings the default (FILE) rules must report: 5 per edited file. */
  public static final int EXPECTED_FINDINGS = FILES / EDIT_EVERY * 5;

  private SyntheticSchema() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
    write(out);
    System.out.println("wrote " + out.resolve("previous.binpb") + " and " + out.resolve("current.binpb") + " ("
        + FILES + " files, " + FILES * MESSAGES * FIELDS + " fields, " + EXPECTED_FINDINGS + " expected findings)");
  }

  /** Writes {@code previous/} and {@code current/} proto trees and their compiled descriptor sets. */
  public static void write(Path out) throws IOException, ProtoCompiler.CompileException {
    ProtoCompiler compiler = ProtoCompiler.withDefaultCache();
    for (String side : List.of("previous", "current")) {
      Path root = out.resolve(side);
      for (int f = 0; f < FILES; f++) {
        Path file = root.resolve("bench/p" + (f / 100) + "/f" + f + ".proto");
        Files.createDirectories(file.getParent());
        Files.writeString(file, file(f, side.equals("current") && f % EDIT_EVERY == 0));
      }
      Files.write(out.resolve(side + ".binpb"), compiler.compile(root, List.of()).toByteArray());
    }
  }

  private static String file(int f, boolean edited) {
    StringBuilder p = new StringBuilder("syntax = \"proto3\";\n\npackage bench.p" + (f / 100) + ";\n\n");
    p.append("option java_package = \"dev.protoshift.bench.p").append(f / 100).append("\";\n\n");
    for (int m = 0; m < MESSAGES; m++) {
      p.append("// Message ").append(m).append(" of file ").append(f).append(".\n");
      p.append("message F").append(f).append("M").append(m).append(" {\n");
      for (int n = 1; n <= FIELDS; n++) {
        if (edited && m == 0 && n == 5) {
          continue;
        }
        String type = n % 3 == 0 ? "string" : n % 3 == 1 ? "int32" : "F" + f + "E";
        if (edited && m == 1 && n == 1) {
          type = "int64";
        }
        String name = edited && m == 2 && n == 2 ? "renamed_" + n : "field_" + n;
        p.append("  ").append(type).append(' ').append(name).append(" = ").append(n).append(";\n");
      }
      if (edited && m == 3) {
        p.append("  bool added = ").append(FIELDS + 1).append(";\n");
      }
      p.append("}\n\n");
    }
    p.append("enum F").append(f).append("E {\n");
    for (int v = 0; v < 5; v++) {
      if (edited && v == 4) {
        continue;
      }
      p.append("  F").append(f).append("E_V").append(v).append(" = ").append(v).append(";\n");
    }
    p.append("}\n");
    if (f % 10 == 0) {
      p.append("\nservice F").append(f).append("S {\n  rpc Get(F").append(f).append("M0) returns (F").append(f)
          .append("M1);\n}\n");
    }
    return p.toString();
  }
}
