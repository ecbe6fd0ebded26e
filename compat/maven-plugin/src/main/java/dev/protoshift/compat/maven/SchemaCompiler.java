package dev.protoshift.compat.maven;

import dev.protoshift.compat.DescriptorImage;
import dev.protoshift.compat.internal.ProtoCompiler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Compiles a proto tree to a self-contained descriptor set (imports and source info included) with
 * protoc and the build's import paths: the tree itself, then the extra import directories and the
 * dependencies' {@code .proto} files, then the well-known types and {@code protoshift/options.proto}
 * (see {@link ProtoCompiler}).
 */
final class SchemaCompiler {

  private final ProtoCompiler compiler;
  private final List<Path> includes;
  private final Path root;

  /**
   * @param root the directory paths in messages are relative to (the build's top directory)
   */
  SchemaCompiler(ProtoCompiler compiler, List<Path> includes, Path root) {
    this.compiler = compiler;
    this.includes = List.copyOf(includes);
    this.root = root;
  }

  /**
   * The serialized descriptor set of every {@code .proto} file under {@code dir}.
   *
   * @param what names the tree in errors, e.g. {@code the current schema}
   * @throws MojoExecutionException with protoc's message (paths relative to {@code dir}) if the tree
   *     does not compile, or naming protoc's problem if it cannot run
   */
  byte[] compile(Path dir, String what) throws MojoExecutionException {
    try {
      return compiler.compileToBytes(dir, includes);
    } catch (ProtoCompiler.CompileException e) {
      throw new MojoExecutionException(what + " (" + display(dir) + ") does not compile:\n" + e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot compile " + what + " (" + display(dir) + "): " + e.getMessage(), e);
    }
  }

  /** {@link #compile}, parsed. */
  DescriptorImage image(Path dir, String what) throws MojoExecutionException {
    return DescriptorImage.parse(compile(dir, what));
  }

  /** {@code path} relative to the build's top directory when it is inside it, with forward slashes. */
  String display(Path path) {
    return Paths.display(root, path);
  }
}
