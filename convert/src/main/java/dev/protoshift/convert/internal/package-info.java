/**
 * The machinery behind downgrades derived from a release history: schema lookups, strip plans,
 * sample messages and the history check. Not API: use {@link dev.protoshift.convert.VersionChain}.
 */
package dev.protoshift.convert.internal;
