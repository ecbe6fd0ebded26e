/**
 * What every protoshift user takes, whatever the schema: protoshift's proto options ({@link
 * dev.protoshift.proto.ProtoshiftOptions}, {@code protoshift/options.proto} with
 * {@code option (protoshift.protocol_version)}), descriptor-set helpers ({@link
 * dev.protoshift.proto.DescriptorSets}), a schema's frozen releases ({@link
 * dev.protoshift.proto.ReleaseHistory}) and the check that keeps them frozen ({@link
 * dev.protoshift.proto.ReleaseHistoryCheck}). Depends on protobuf-java only.
 */
package dev.protoshift.proto;
