package dev.protoshift.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.protoshift.proto.game.Dag;
import dev.protoshift.proto.game.DagNode;
import dev.protoshift.proto.game.Ghost;
import dev.protoshift.proto.game.GhostState;
import dev.protoshift.proto.game.Inventory;
import dev.protoshift.proto.game.Item;
import dev.protoshift.proto.game.StateUpdate;
import dev.protoshift.proto.game.Waypoint;
import dev.protoshift.proto.game.WsEnvelope;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a client built against the frozen 1.0.0 schema sees of a message sent with 1.1.0. */
class OldClientDecodeTest {

  private static final String ROUTE_JSON = "[{\"x\":1.5,\"y\":-2.0},{\"x\":3.0,\"y\":4.25}]";

  @SuppressWarnings("deprecation") // route_json is deprecated since 1.1.0; filling it is the point
  private static WsEnvelope stateFor1_0Client() {
    Ghost ghost = Ghost.newBuilder()
        .setId("g-1").setName("Blinky").setX(10.5f).setY(-3.25f).setHeading(1.5f).setSpeed(2f)
        .setState(GhostState.GHOST_STATE_CHASING).setColor(0xFF0000).setScore(42)
        .addWaypoints(Waypoint.newBuilder().setX(1.5f).setY(-2f))
        .addWaypoints(Waypoint.newBuilder().setX(3f).setY(4.25f))
        .setInventory(Inventory.newBuilder().addItems(Item.newBuilder().setId("i1").setKind("key").setCount(2)))
        .setRouteJson(ROUTE_JSON)
        .build();
    return WsEnvelope.newBuilder()
        .setStateUpdate(StateUpdate.newBuilder()
            .setNow(1_764_000_000_000_000L).setTick(7).setMe(ghost).addGhosts(ghost.toBuilder().setId("g-2"))
            .setDag(Dag.newBuilder().setCurrentNodeId("n1").addNodes(DagNode.newBuilder().setId("n1").setUnlocked(true))))
        .build();
  }

  @Test
  void decodeWith1_0_0_readsEveryFieldItKnows() throws InvalidProtocolBufferException {
    byte[] wire = stateFor1_0Client().toByteArray();

    DynamicMessage envelope = DynamicMessage.parseFrom(ReferenceSchema.releasedMessage("1.0.0", "WsEnvelope"), wire);

    Message state = (Message) get(envelope, "state_update");
    assertThat(get(state, "now")).isEqualTo(1_764_000_000_000_000L);
    assertThat(get(state, "tick")).isEqualTo(7L);
    Message me = (Message) get(state, "me");
    assertThat(get(me, "id")).isEqualTo("g-1");
    assertThat(get(me, "name")).isEqualTo("Blinky");
    assertThat(get(me, "x")).isEqualTo(10.5f);
    assertThat(get(me, "y")).isEqualTo(-3.25f);
    assertThat(get(me, "score")).isEqualTo(42);
    assertThat(((com.google.protobuf.Descriptors.EnumValueDescriptor) get(me, "state")).getName())
        .isEqualTo("GHOST_STATE_CHASING");
    assertThat(get(me, "route_json")).isEqualTo(ROUTE_JSON);
    assertThat((List<?>) get(state, "ghosts")).hasSize(1);
  }

  @Test
  void decodeWith1_0_0_keepsWhatItDoesNotKnowAsUnknownFields() throws InvalidProtocolBufferException {
    WsEnvelope sent = stateFor1_0Client();

    DynamicMessage envelope = DynamicMessage.parseFrom(
        ReferenceSchema.releasedMessage("1.0.0", "WsEnvelope"), sent.toByteArray());

    Message state = (Message) get(envelope, "state_update");
    assertThat(state.getDescriptorForType().findFieldByName("dag")).isNull();
    assertThat(state.getUnknownFields().hasField(StateUpdate.DAG_FIELD_NUMBER)).isTrue();
    Message me = (Message) get(state, "me");
    assertThat(me.getDescriptorForType().findFieldByName("waypoints")).isNull();
    assertThat(me.getUnknownFields().hasField(Ghost.WAYPOINTS_FIELD_NUMBER)).isTrue();
    assertThat(me.getUnknownFields().hasField(Ghost.INVENTORY_FIELD_NUMBER)).isTrue();

    // Unknown fields survive a re-encode by the old client: nothing is lost in transit.
    assertThat(WsEnvelope.parseFrom(envelope.toByteArray())).isEqualTo(sent);
  }

  @Test
  void decodeWith1_0_0_routeJsonEmptyWhenServerDidNotFillIt() throws InvalidProtocolBufferException {
    WsEnvelope sent = WsEnvelope.newBuilder()
        .setStateUpdate(StateUpdate.newBuilder().setMe(Ghost.newBuilder().setId("g")
            .addWaypoints(Waypoint.newBuilder().setX(1).setY(2))))
        .build();

    DynamicMessage envelope = DynamicMessage.parseFrom(
        ReferenceSchema.releasedMessage("1.0.0", "WsEnvelope"), sent.toByteArray());

    Message me = (Message) get((Message) get(envelope, "state_update"), "me");
    // This is why converters must fill route_json for clients older than 1.1.0.
    assertThat(get(me, "route_json")).isEqualTo("");
  }

  @Test
  void frozen1_1_0_decodesCurrentMessageUnchanged() throws InvalidProtocolBufferException {
    WsEnvelope sent = stateFor1_0Client();

    DynamicMessage envelope = DynamicMessage.parseFrom(
        ReferenceSchema.releasedMessage("1.1.0", "WsEnvelope"), sent.toByteArray());

    Message me = (Message) get((Message) get(envelope, "state_update"), "me");
    assertThat(me.getUnknownFields().asMap()).isEmpty();
    assertThat((List<?>) get(me, "waypoints")).hasSize(2);
    FieldDescriptor routeJson = me.getDescriptorForType().findFieldByName("route_json");
    assertThat(routeJson.getOptions().getDeprecated()).isTrue();
  }

  private static Object get(Message message, String field) {
    Descriptor type = message.getDescriptorForType();
    FieldDescriptor descriptor = type.findFieldByName(field);
    assertThat(descriptor).as("%s.%s", type.getFullName(), field).isNotNull();
    return message.getField(descriptor);
  }
}
