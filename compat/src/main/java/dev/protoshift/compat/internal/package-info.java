/**
 * The engine behind {@link dev.protoshift.compat.Compat}: the schema model ({@code Schema} and its
 * elements, with resolved editions features), the pairing {@code Engine}, the rules (one small
 * unit each, registered in {@code Rules}), ignore comments, the change classifier and the protoc
 * wrapper. Not an API: other modules must not use it.
 */
package dev.protoshift.compat.internal;
