package dev.protoshift.operations.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The admin API's bearer token and where it came from. Compared in constant time: both sides
 * are hashed (SHA-256) and the digests compared with {@link MessageDigest#isEqual}, so neither
 * the content nor the length of the token leaks through timing.
 */
public final class AdminToken {

  /** Shortest token accepted from a file or the environment. */
  public static final int MIN_LENGTH = 16;

  private final byte[] digest;
  private final String source;
  private final Path generatedFile;

  private AdminToken(String token, String source, Path generatedFile) {
    this.digest = sha256(token);
    this.source = source;
    this.generatedFile = generatedFile;
  }

  /**
   * A token given by the operator.
   *
   * @throws IllegalArgumentException naming the source if the token is shorter than {@value
   *     #MIN_LENGTH} characters or has whitespace inside
   */
  public static AdminToken of(String token, String source) {
    Objects.requireNonNull(token, "token");
    String t = token.strip();
    if (t.length() < MIN_LENGTH) {
      throw new IllegalArgumentException("admin token from " + source + " must have at least " + MIN_LENGTH
          + " characters, had " + t.length());
    }
    if (t.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("admin token from " + source + " must not contain whitespace");
    }
    return new AdminToken(t, source, null);
  }

  /**
   * Reads the token from a file (first line, stripped).
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if its token is too short
   */
  public static AdminToken fromFile(Path file) throws IOException {
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IOException("cannot read the admin token file " + file.toAbsolutePath() + ": no such file", e);
    } catch (IOException e) {
      throw new IOException("cannot read the admin token file " + file.toAbsolutePath() + ": " + e, e);
    }
    String firstLine = content.lines().findFirst().orElse("");
    return of(firstLine, "file " + file.toAbsolutePath());
  }

  /**
   * Generates a random token (256 bits, base64url) and writes it to a new file readable only
   * by this user, so that it never appears in a log.
   *
   * @throws IOException if the file cannot be written
   */
  public static AdminToken generate(Path directory) throws IOException {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Path file;
    try {
      file = Files.createTempFile(directory, "protoshift-admin-", ".token",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      file = Files.createTempFile(directory, "protoshift-admin-", ".token");
    }
    Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
    file.toFile().deleteOnExit(); // and delete() when the server closes
    return new AdminToken(token, "generated, in file " + file.toAbsolutePath(), file);
  }

  /**
   * Deletes the file a generated token was written to (a server that generated one calls this when
   * it stops; the JVM's exit deletes it too). No-op for a token the operator gave.
   */
  public void deleteGeneratedFile() {
    if (generatedFile != null) {
      try {
        Files.deleteIfExists(generatedFile);
      } catch (IOException e) {
        System.getLogger(AdminToken.class.getName()).log(System.Logger.Level.WARNING,
            "cannot delete the generated admin token file " + generatedFile + ": " + e);
      }
    }
  }

  /** The file a generated token was written to, if this token was generated. */
  public java.util.Optional<Path> generatedFile() {
    return java.util.Optional.ofNullable(generatedFile);
  }

  /** True if the presented token equals this one; constant time. {@code null} never matches. */
  public boolean matches(String presented) {
    if (presented == null) {
      return false;
    }
    return MessageDigest.isEqual(digest, sha256(presented));
  }

  /** Where the token came from, for the startup banner (never the token itself). */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return "AdminToken(" + source + ")";
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
