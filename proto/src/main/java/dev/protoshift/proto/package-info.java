/**
 * protoshift's proto options ({@link dev.protoshift.proto.ProtoshiftOptions}), the reference game
 * schema ({@link dev.protoshift.proto.ReferenceSchema}, generated classes in
 * {@code dev.protoshift.proto.game}) and descriptor-set helpers ({@link
 * dev.protoshift.proto.DescriptorSets}).
 */
package dev.protoshift.proto;
