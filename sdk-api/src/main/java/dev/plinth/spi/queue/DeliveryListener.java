package dev.plinth.spi.queue;

/** Receives deliveries from a driver's consumers. */
@FunctionalInterface
public interface DeliveryListener {

  /**
   * Handles and settles one delivery. Runs on a driver consumer thread; returns after settling.
   *
   * @param delivery the delivery
   */
  void onDelivery(DriverDelivery delivery);
}
