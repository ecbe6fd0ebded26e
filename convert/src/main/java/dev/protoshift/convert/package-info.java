/**
 * Version-aware conversion, independent of any game: a {@link dev.protoshift.convert.VersionChain}
 * of {@link dev.protoshift.convert.VersionChange}s, the {@link dev.protoshift.convert.VersionClass}es
 * and {@link dev.protoshift.convert.View}s it derives, the {@link dev.protoshift.convert.Cohort} a
 * connection belongs to, the one decoding error ({@link dev.protoshift.convert.DecodeException})
 * and the {@link dev.protoshift.convert.Changelog} renderer. With a schema's release history the
 * chain derives the downgrades that only strip what an old release lacks, and {@link
 * dev.protoshift.convert.VersionChain#checkHistory()} reports {@link dev.protoshift.convert.HistoryProblem}s.
 * See docs/converters.md and docs/history-downgrades.md.
 */
package dev.protoshift.convert;
