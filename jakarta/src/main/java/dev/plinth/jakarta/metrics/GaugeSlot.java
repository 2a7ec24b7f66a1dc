package dev.plinth.jakarta.metrics;

import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * What a bridged gauge reads. The SDK lets a gauge be registered again to replace its supplier,
 * while a MicroProfile registry keeps the first registration, so the registry reads this slot and a
 * new registration only swaps the supplier inside it. The bridge keeps a strong reference to every
 * slot, because registries may hold gauge targets weakly.
 */
final class GaugeSlot {
  private volatile DoubleSupplier supplier;

  GaugeSlot(DoubleSupplier supplier) {
    this.supplier = Objects.requireNonNull(supplier, "supplier");
  }

  void replace(DoubleSupplier replacement) {
    this.supplier = Objects.requireNonNull(replacement, "supplier");
  }

  /** Samples the supplier; a supplier that throws reads as NaN rather than failing the scrape. */
  Double value() {
    try {
      return supplier.getAsDouble();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }
}
