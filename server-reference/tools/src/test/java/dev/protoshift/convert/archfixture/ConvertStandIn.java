package dev.protoshift.convert.archfixture;

/** Stands in for a convert class in ModuleBoundariesTest's violation fixture. */
public final class ConvertStandIn {}
