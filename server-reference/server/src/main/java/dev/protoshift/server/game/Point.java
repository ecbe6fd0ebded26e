package dev.protoshift.server.game;

/** A position in the simulation, in world units. */
record Point(float x, float y) {

  float distanceTo(float ox, float oy) {
    float dx = ox - x;
    float dy = oy - y;
    return (float) Math.sqrt(dx * dx + dy * dy);
  }
}
