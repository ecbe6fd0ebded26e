package dev.protoshift.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.protoshift.reference.game.ServerMessage;
import dev.protoshift.server.ReferenceServer;
import dev.protoshift.server.TestServers;
import dev.protoshift.tools.client.Backoff;
import dev.protoshift.tools.client.ClientRuntime;
import dev.protoshift.tools.client.ReferenceClient;
import dev.protoshift.versioning.Protocol;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The kill switch mid-stream with 200 connections in 10 rooms: every protobuf connection
 * switches to JSON in-band within one tick of the change, with no tick lost or repeated; JSON
 * connections notice nothing; releasing it switches them back.
 */
class KillSwitchTest {

  static final int ROOMS = 10;
  static final int PER_ROOM = 20;
  static final Pattern FROM_TICK = Pattern.compile("\"from_tick\":(\\d+)");

  /** Every event of one client, in order: "B<tick>" binary state, "T<tick>" text state, "S<from_tick>" switch. */
  static final class Timeline implements ReferenceClient.Listener {
    final String room;
    final List<String> events = new CopyOnWriteArrayList<>();
    final Map<String, Long> highest;

    Timeline(String room, Map<String, Long> highest) {
      this.room = room;
      this.highest = highest;
    }

    @Override
    public void state(ServerMessage.State state, ReferenceClient.Received r) {
      events.add((r.protocol() == Protocol.PROTOBUF ? "B" : "T") + state.tick());
      highest.merge(room, state.tick(), Math::max);
    }

    @Override
    public void control(String type, String json) {
      if (type.equals("protocol_switch")) {
        Matcher m = FROM_TICK.matcher(json);
        assertThat(m.find()).isTrue();
        events.add("S" + m.group(1) + (json.contains("\"protocol\":\"json\"") ? "J" : "P"));
      }
    }

    long switches() {
      return events.stream().filter(e -> e.startsWith("S")).count();
    }

    long statesAfterLastSwitch() {
      int last = -1;
      for (int i = 0; i < events.size(); i++) {
        if (events.get(i).startsWith("S")) {
          last = i;
        }
      }
      return events.size() - 1 - last;
    }
  }

  @Test
  void killSwitch_200Connections_allSwitchWithinOneTick_withoutGapsOrRepeats() throws Exception {
    try (ClientRuntime clients = ClientRuntime.start();
        ReferenceServer server = TestServers.start(TestServers.settings()
            .environment(Map.of("PROTOBUF_ENABLED", "true", "PROTOBUF_ROLLOUT_PERCENTAGE", "100")).build())) {
      Map<String, Long> highest = new ConcurrentHashMap<>();
      List<Timeline> protobuf = new ArrayList<>();
      List<Timeline> json = new ArrayList<>();
      List<ReferenceClient> open = new ArrayList<>();
      for (int r = 0; r < ROOMS; r++) {
        String room = "ks" + r;
        for (int i = 0; i < PER_ROOM; i++) {
          ReferenceClient.Options o = ReferenceClient.options(server.gameUri(), room).backoff(Backoff.NONE);
          o = switch (i % 4) {
            case 0 -> o.query("1.0.0");
            case 1 -> o.query("1.1.0");
            case 2 -> o.subprotocol("1.2.0", true);
            default -> i == 3 ? o : o.hello("1.1.0", true, null); // one legacy JSON client per room
          };
          Timeline t = new Timeline(room, highest);
          (i == 3 ? json : protobuf).add(t);
          open.add(ReferenceClient.connect(clients, o, t));
        }
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> protobuf.stream().allMatch(t ->
          t.events.size() >= 5 && t.events.get(t.events.size() - 1).startsWith("B")));

      Map<String, Long> before = Map.copyOf(highest);
      admin(server, "POST", "/admin/kill-switch");
      Map<String, Long> applied = Map.copyOf(highest);

      await().atMost(Duration.ofSeconds(15)).until(() -> protobuf.stream().allMatch(t ->
          t.switches() == 1 && t.statesAfterLastSwitch() >= 5));
      Map<String, java.util.Set<Long>> switchTicksByRoom = new java.util.HashMap<>();
      for (Timeline t : protobuf) {
        long fromTick = checkSwitch(t, "J", "B", "T");
        assertThat(fromTick).as("switched after the change").isGreaterThan(before.get(t.room));
        assertThat(fromTick).as("within one tick of the change (+1 tick of tolerance for measuring)")
            .isLessThanOrEqualTo(applied.get(t.room) + 2);
        switchTicksByRoom.computeIfAbsent(t.room, k -> new java.util.TreeSet<>()).add(fromTick);
      }
      assertThat(switchTicksByRoom).as("each room switches as a whole, at one tick")
          .allSatisfy((room, ticks) -> assertThat(ticks).hasSize(1));

      admin(server, "DELETE", "/admin/kill-switch");
      await().atMost(Duration.ofSeconds(15)).until(() -> protobuf.stream().allMatch(t ->
          t.switches() == 2 && t.statesAfterLastSwitch() >= 5));
      for (Timeline t : protobuf) {
        checkSwitch(t, "P", "T", "B");
      }
      for (Timeline t : json) {
        assertThat(t.switches()).isZero();
        assertThat(t.events).allSatisfy(e -> assertThat(e).startsWith("T"));
      }
      for (ReferenceClient c : open) {
        assertThat(c.stats().gaps()).isZero();
        assertThat(c.stats().repeats()).isZero();
        assertThat(c.stats().decodeErrors()).isZero();
        assertThat(c.stats().reconnects()).isZero();
        c.close();
      }
    }
  }

  /** Checks the last switch: old-protocol states, the switch, new-protocol states, ticks consecutive across it. */
  static long checkSwitch(Timeline t, String to, String oldKind, String newKind) {
    List<String> e = List.copyOf(t.events);
    int at = e.lastIndexOf(e.stream().filter(x -> x.startsWith("S")).reduce((a, b) -> b).orElseThrow());
    String sw = e.get(at);
    assertThat(sw).endsWith(to);
    long fromTick = Long.parseLong(sw.substring(1, sw.length() - 1));
    String lastOld = e.get(at - 1);
    String firstNew = e.get(at + 1);
    assertThat(lastOld).startsWith(oldKind);
    assertThat(firstNew).isEqualTo(newKind + fromTick);
    assertThat(Long.parseLong(lastOld.substring(1))).isEqualTo(fromTick - 1);
    for (int i = at + 1; i < e.size() && !e.get(i).startsWith("S"); i++) {
      assertThat(e.get(i)).startsWith(newKind);
    }
    return fromTick;
  }

  static void admin(ReferenceServer server, String method, String path) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.adminUri() + path))
        .header("Authorization", "Bearer " + TestServers.TOKEN)
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }
}
