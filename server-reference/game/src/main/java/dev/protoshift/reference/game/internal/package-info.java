/**
 * protoshift-convert's machinery: the legacy JSON mapping of the reference game's protobuf
 * messages, the JSON route format and the frame buffers. Not an API: other modules must not use
 * it (ModuleBoundariesTest).
 */
package dev.protoshift.reference.game.internal;
