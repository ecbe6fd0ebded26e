package dev.protoshift.reference.game;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.protoshift.convert.Cohort;
import dev.protoshift.reference.game.internal.Json;
import dev.protoshift.reference.game.internal.LegacyJsonWriter;
import dev.protoshift.proto.game.Ghost;
import dev.protoshift.proto.game.StateUpdate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A legacy JSON cohort frame. The spectator's message is written once, with the offsets of its
 * pieces: {@code {"type":"state","now":..,"tick":..} + {@code ,"ghosts":[} + ghosts separated
 * by commas + {@code ]...}}. A player's message inserts {@code ,"me":<its ghost>} after the
 * tick and leaves its ghost (and one comma) out of the array: the bytes a per-connection
 * writer produces, keys in the same order.
 */
final class JsonCohortFrame extends GhostsFrame {

  private static final byte[] ME = ",\"me\":".getBytes(StandardCharsets.US_ASCII);

  private final byte[] json;
  private final int headEnd;
  private final int arrayOpen;
  private final int[] ends;

  private JsonCohortFrame(Cohort cohort, long tick, List<String> ids, byte[] json, int headEnd, int arrayOpen, int[] ends) {
    super(cohort, tick, ids);
    this.json = json;
    this.headEnd = headEnd;
    this.arrayOpen = arrayOpen;
    this.ends = ends;
  }

  /** Writes {@code state} (every ghost in {@code ghosts}, no {@code me}) once, marking its pieces. */
  static JsonCohortFrame of(Cohort cohort, StateUpdate state) {
    if (state.hasMe()) {
      throw new IllegalArgumentException("a cohort's state has no me: it is picked per recipient");
    }
    Json.Buffer out = new Json.Buffer(256 + state.getGhostsCount() * 384);
    List<Ghost> list = state.getGhostsList();
    int[] ends = new int[list.size()];
    List<String> ids = new ArrayList<>(list.size());
    int headEnd;
    int arrayOpen;
    try (JsonGenerator g = Json.generator(out)) {
      LegacyJsonWriter.writeStateHead(g, state);
      headEnd = Json.mark(g, out);
      g.writeFieldName("ghosts");
      g.writeStartArray();
      arrayOpen = Json.mark(g, out);
      for (int i = 0; i < list.size(); i++) {
        LegacyJsonWriter.writeGhost(g, list.get(i));
        ends[i] = Json.mark(g, out);
        ids.add(list.get(i).getId());
      }
      g.writeEndArray();
      LegacyJsonWriter.writeStateTail(g, state);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON to memory", e);
    }
    return new JsonCohortFrame(cohort, state.getTick(), ids, out.toByteArray(), headEnd, arrayOpen, ends);
  }

  @Override
  byte[] assemble(int me) {
    int start = me == 0 ? arrayOpen : ends[me - 1] + 1;
    int end = ends[me];
    int n = ends.length;
    byte[] out = new byte[json.length + ME.length - (n > 1 ? 1 : 0)];
    int at = copy(json, 0, headEnd, out, 0);
    at = copy(ME, 0, ME.length, out, at);
    at = copy(json, start, end, out, at);
    at = copy(json, headEnd, arrayOpen, out, at);
    if (n > 1) {
      if (me == 0) {
        at = copy(json, ends[0] + 1, ends[n - 1], out, at);
      } else {
        at = copy(json, arrayOpen, ends[me - 1], out, at);
        at = copy(json, ends[me], ends[n - 1], out, at);
      }
    }
    copy(json, ends[n - 1], json.length, out, at);
    return out;
  }

  @Override
  byte[] assembleForSpectator() {
    return json.clone();
  }
}
