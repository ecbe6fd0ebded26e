/**
 * Version-aware conversion, independent of any game: a {@link dev.protoshift.convert.VersionChain}
 * of {@link dev.protoshift.convert.VersionChange}s, the {@link dev.protoshift.convert.VersionClass}es
 * and {@link dev.protoshift.convert.View}s it derives, the {@link dev.protoshift.convert.Cohort} a
 * connection belongs to, the one decoding error ({@link dev.protoshift.convert.DecodeException})
 * and the {@link dev.protoshift.convert.Changelog} renderer. See docs/converters.md.
 */
package dev.protoshift.convert;
