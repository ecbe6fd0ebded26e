package dev.protoshift.reference.game;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.protoshift.convert.Cohort;
import dev.protoshift.proto.game.Ghost;
import dev.protoshift.proto.game.StateUpdate;
import dev.protoshift.proto.game.WsEnvelope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A protobuf cohort frame. Protobuf writes fields in number order, so a recipient's
 * {@code WsEnvelope{state_update{...}}} is: the envelope's tag and length, the fields numbered
 * below {@code me} ({@code now}), {@code me}, the other ghosts, then every field after
 * {@code ghosts}. A ghost's bytes are the same under {@code me} (tag 0x12) and {@code ghosts}
 * (0x1A), and both tags are one byte, so every player's message has the same length.
 */
final class ProtoCohortFrame extends GhostsFrame {

  private static final byte ME_TAG = (byte) ((StateUpdate.ME_FIELD_NUMBER << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED);

  private final byte[] prefix;
  private final byte[] head;
  private final byte[] ghosts;
  private final int[] starts;
  private final byte[] tail;
  private final int length;

  private ProtoCohortFrame(Cohort cohort, long tick, List<String> ids, byte[] prefix, byte[] head, byte[] ghosts,
      int[] starts, byte[] tail) {
    super(cohort, tick, ids);
    this.prefix = prefix;
    this.head = head;
    this.ghosts = ghosts;
    this.starts = starts;
    this.tail = tail;
    this.length = prefix.length + head.length + ghosts.length + tail.length;
  }

  /** Encodes {@code state} (every ghost in {@code ghosts}, no {@code me}) once, in pieces. */
  static ProtoCohortFrame of(Cohort cohort, StateUpdate state) {
    if (state.hasMe()) {
      throw new IllegalArgumentException("a cohort's state has no me: it is picked per recipient");
    }
    try {
      byte[] head = StateUpdate.newBuilder().setNow(state.getNow()).build().toByteArray();
      byte[] tail = state.toBuilder().clearNow().clearGhosts().build().toByteArray();
      List<Ghost> list = state.getGhostsList();
      int size = 0;
      for (Ghost ghost : list) {
        size += CodedOutputStream.computeMessageSize(StateUpdate.GHOSTS_FIELD_NUMBER, ghost);
      }
      byte[] ghosts = new byte[size];
      int[] starts = new int[list.size() + 1];
      List<String> ids = new ArrayList<>(list.size());
      CodedOutputStream out = CodedOutputStream.newInstance(ghosts);
      for (int i = 0; i < list.size(); i++) {
        starts[i] = out.getTotalBytesWritten();
        out.writeMessage(StateUpdate.GHOSTS_FIELD_NUMBER, list.get(i));
        ids.add(list.get(i).getId());
      }
      starts[list.size()] = size;
      out.checkNoSpaceLeft();
      int body = head.length + size + tail.length;
      byte[] prefix = new byte[1 + CodedOutputStream.computeUInt32SizeNoTag(body)];
      CodedOutputStream envelope = CodedOutputStream.newInstance(prefix);
      envelope.writeTag(WsEnvelope.STATE_UPDATE_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      envelope.writeUInt32NoTag(body);
      envelope.checkNoSpaceLeft();
      return new ProtoCohortFrame(cohort, state.getTick(), ids, prefix, head, ghosts, starts, tail);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode to memory", e);
    }
  }

  @Override
  byte[] assemble(int me) {
    byte[] out = new byte[length];
    int at = copy(prefix, 0, prefix.length, out, 0);
    at = copy(head, 0, head.length, out, at);
    out[at++] = ME_TAG;
    at = copy(ghosts, starts[me] + 1, starts[me + 1], out, at);
    at = copy(ghosts, 0, starts[me], out, at);
    at = copy(ghosts, starts[me + 1], ghosts.length, out, at);
    copy(tail, 0, tail.length, out, at);
    return out;
  }

  @Override
  byte[] assembleForSpectator() {
    byte[] out = new byte[length];
    int at = copy(prefix, 0, prefix.length, out, 0);
    at = copy(head, 0, head.length, out, at);
    at = copy(ghosts, 0, ghosts.length, out, at);
    copy(tail, 0, tail.length, out, at);
    return out;
  }
}
