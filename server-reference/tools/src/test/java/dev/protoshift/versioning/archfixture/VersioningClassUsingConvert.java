package dev.protoshift.versioning.archfixture;

import dev.protoshift.convert.archfixture.ConvertStandIn;

/**
 * A deliberate boundary violation, used only by ModuleBoundariesTest to show that the rule
 * fails: a class in versioning's package that uses a class in convert's package. It lives in
 * test sources, which the real check does not import.
 */
public final class VersioningClassUsingConvert {

  /** The dependency the rule must catch. */
  public final ConvertStandIn convert = new ConvertStandIn();
}
