/**
 * protoshift's schema compatibility check: {@link dev.protoshift.compat.Compat#check} compares two
 * {@code FileDescriptorSet}s with buf's 64 breaking rules (same ids and categories), classifies
 * the change as a semantic-version {@link dev.protoshift.compat.Bump} and checks the declared
 * {@code protocol_version} against it. {@link dev.protoshift.compat.CompatConfig} selects rules
 * and ignores ({@link dev.protoshift.compat.ConfigFile} reads them from a buf-style YAML file).
 *
 * <p>The CLI that CI runs is {@code dev.protoshift.compat.cli.Main} (see docs/compat.md); the
 * engine, the rules and the protoc wrapper live in {@code dev.protoshift.compat.internal}.
 */
package dev.protoshift.compat;
