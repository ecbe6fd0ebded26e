package dev.protoshift.reference.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.protoshift.proto.game.ChooseStory;
import dev.protoshift.proto.game.Dag;
import dev.protoshift.proto.game.Ghost;
import dev.protoshift.proto.game.Inventory;
import dev.protoshift.proto.game.PlayerInput;
import dev.protoshift.proto.game.StateUpdate;
import dev.protoshift.proto.game.Story;
import dev.protoshift.proto.game.UseItem;
import dev.protoshift.proto.game.WsEnvelope;
import org.junit.jupiter.api.Test;

/** QuestGraphAdded, InventoryAdded and StoryAdded: each strips exactly its feature. */
class FeatureChangesTest {

  private static WsEnvelope.Builder fullState() {
    Ghost ghost = Ghost.newBuilder().setId("g").setInventory(Inventory.newBuilder().addItems(dev.protoshift.proto.game.Item.newBuilder().setId("i"))).build();
    return WsEnvelope.newBuilder().setStateUpdate(StateUpdate.newBuilder().setTick(1).setMe(ghost).addGhosts(ghost)
        .setDag(Dag.newBuilder().setCurrentNodeId("n")).setStory(Story.newBuilder().setText("t")));
  }

  @Test
  void questGraphAdded_stripsTheDagOnly() {
    StateUpdate state = new QuestGraphAdded().downgrade(fullState()).build().getStateUpdate();

    assertThat(state.hasDag()).isFalse();
    assertThat(state.hasStory()).isTrue();
    assertThat(state.getMe().hasInventory()).isTrue();
    assertThat(new QuestGraphAdded().feature()).contains("dag");
  }

  @Test
  void inventoryAdded_stripsEveryGhostsInventory_andCannotSendUseItem() {
    StateUpdate state = new InventoryAdded().downgrade(fullState()).build().getStateUpdate();

    assertThat(state.getMe().hasInventory()).isFalse();
    assertThat(state.getGhosts(0).hasInventory()).isFalse();
    assertThat(state.hasDag()).isTrue();
    assertThatThrownBy(() -> new InventoryAdded().downgrade(WsEnvelope.newBuilder()
        .setPlayerInput(PlayerInput.newBuilder().setUseItem(UseItem.getDefaultInstance()))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("use_item does not exist");
  }

  @Test
  void storyAdded_stripsTheStoryOnly_andCannotSendChooseStory() {
    StateUpdate state = new StoryAdded().downgrade(fullState()).build().getStateUpdate();

    assertThat(state.hasStory()).isFalse();
    assertThat(state.hasDag()).isTrue();
    assertThatThrownBy(() -> new StoryAdded().downgrade(WsEnvelope.newBuilder()
        .setPlayerInput(PlayerInput.newBuilder().setChooseStory(ChooseStory.getDefaultInstance()))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("choose_story does not exist");
  }

  @Test
  void errors_passThroughEveryChangeUntouched() {
    WsEnvelope error = WsEnvelope.newBuilder().setError(dev.protoshift.proto.game.ServerError.newBuilder().setCode("c")).build();

    assertThat(new StoryAdded().downgrade(new InventoryAdded().downgrade(new QuestGraphAdded().downgrade(
        new RouteBecameWaypoints().downgrade(error.toBuilder())))).build()).isEqualTo(error);
  }
}
