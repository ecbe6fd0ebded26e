/**
 * convert's machinery, not an API. ProtoJson's: per-type plans derived from descriptors ({@code
 * MessagePlan}, {@code FieldPlan}, {@code ValuePlan}), the writer (message to JSON through a Jackson
 * generator), the reader (JSON tokens checked against the plan and written in the binary form,
 * merged into the builder once) and the well-known types' text forms, entry point {@code JsonEngine}.
 * Derived downgrades': schema lookups, strip plans, sample messages and the history check, used by
 * {@link dev.protoshift.convert.VersionChain}.
 */
package dev.protoshift.convert.internal;
