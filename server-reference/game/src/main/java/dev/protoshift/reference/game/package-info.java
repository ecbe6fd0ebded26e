/**
 * The reference game's protocol ({@code ws_messages.proto}): domain records, its version chain,
 * and the conversions between the records, binary protobuf and legacy JSON. Start at
 * {@link dev.protoshift.reference.game.GameProtocol}. See docs/protocol.md and docs/converters.md.
 */
package dev.protoshift.reference.game;
