package dev.protoshift.reference.game;

import dev.protoshift.convert.VersionChange;
import dev.protoshift.proto.game.Ghost;
import dev.protoshift.proto.game.PlayerInput;
import dev.protoshift.proto.game.WsEnvelope;
import java.util.Optional;

/** 1.1.0, feature {@code inventory}: {@code Ghost.inventory} and the {@code use_item} input. */
final class InventoryAdded implements VersionChange<WsEnvelope.Builder> {

  @Override
  public String title() {
    return "Inventory";
  }

  @Override
  public String description() {
    return """
        `Ghost.inventory` (legacy JSON: `inventory`) lists the items a ghost carries; absent
        when it carries nothing. Clients use an item with the input `UseItem` (legacy JSON:
        `{"type":"use_item","item_id":..}`).
        """;
  }

  @Override
  public Optional<String> feature() {
    return Optional.of(GameProtocol.FEATURE_INVENTORY);
  }

  @Override
  public WsEnvelope.Builder downgrade(WsEnvelope.Builder envelope) {
    for (Ghost.Builder ghost : Envelopes.ghosts(envelope)) {
      ghost.clearInventory();
    }
    PlayerInput.Builder input = Envelopes.input(envelope);
    if (input != null && input.hasUseItem()) {
      throw new IllegalArgumentException("use_item does not exist for clients without the inventory feature "
          + "or older than 1.1.0");
    }
    return envelope;
  }

  @Override
  public WsEnvelope.Builder upgrade(WsEnvelope.Builder envelope) {
    return envelope;
  }
}
