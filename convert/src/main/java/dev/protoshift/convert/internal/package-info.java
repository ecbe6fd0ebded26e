/**
 * ProtoJson's machinery, not an API: per-type plans derived from descriptors ({@code MessagePlan},
 * {@code FieldPlan}, {@code ValuePlan}), the writer (message to JSON through a Jackson generator),
 * the reader (JSON tokens checked against the plan and written in the binary form, merged into the
 * builder once) and the well-known types' text forms. Entry point: {@link
 * dev.protoshift.convert.internal.JsonEngine}, used by {@code dev.protoshift.convert.ProtoJson}.
 */
package dev.protoshift.convert.internal;
