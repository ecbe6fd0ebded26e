package dev.protoshift.session;

import java.util.Objects;

/**
 * A {@link SessionMetrics} that passes every call on to another one: extend it and override what
 * you add to (a log line, a count of your own), calling {@code super} to keep the delegate's
 * record. Every method of {@link SessionMetrics} is forwarded, so a decorator cannot silently drop
 * one that it does not mention. Thread-safe if the delegate is.
 */
public abstract class ForwardingSessionMetrics implements SessionMetrics {

  private final SessionMetrics delegate;

  /**
   * @param delegate where every call goes
   * @throws NullPointerException if {@code delegate} is null
   */
  protected ForwardingSessionMetrics(SessionMetrics delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** Where every call goes. */
  protected final SessionMetrics delegate() {
    return delegate;
  }

  @Override
  public void messageSize(String protocol, String version, String type, Direction direction, int bytes) {
    delegate.messageSize(protocol, version, type, direction, bytes);
  }

  @Override
  public void encoded(String protocol, String version, String type, long nanos) {
    delegate.encoded(protocol, version, type, nanos);
  }

  @Override
  public void decoded(String protocol, String version, String type, long nanos) {
    delegate.decoded(protocol, version, type, nanos);
  }

  @Override
  public void decodeError(String protocol, String version, String reason) {
    delegate.decodeError(protocol, version, reason);
  }

  @Override
  public void connectionEntered(String protocol, String version) {
    delegate.connectionEntered(protocol, version);
  }

  @Override
  public void connectionLeft(String protocol, String version) {
    delegate.connectionLeft(protocol, version);
  }

  @Override
  public void connectionOpened() {
    delegate.connectionOpened();
  }

  @Override
  public void connectionClosed(int code) {
    delegate.connectionClosed(code);
  }

  @Override
  public void decision(String protocol, String reason) {
    delegate.decision(protocol, reason);
  }

  @Override
  public void switched(String from, String to, String reason) {
    delegate.switched(from, to, reason);
  }

  @Override
  public void updateDropped(String protocol, String version) {
    delegate.updateDropped(protocol, version);
  }

  @Override
  public void inboundDropped(String reason) {
    delegate.inboundDropped(reason);
  }

  @Override
  public void shadowMismatch(String protocol, String version) {
    delegate.shadowMismatch(protocol, version);
  }

  @Override
  public void shadowChecked(String protocol, String version) {
    delegate.shadowChecked(protocol, version);
  }
}
