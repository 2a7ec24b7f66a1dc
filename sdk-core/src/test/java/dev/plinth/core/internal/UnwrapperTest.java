package dev.plinth.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.core.memory.RecordingTelemetry;
import dev.plinth.core.telemetry.NoopTelemetryDriver;
import dev.plinth.telemetry.Telemetry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnwrapperTest {
  private final Object portable = new StringBuilder("portable");
  private final Object driver = new ArrayList<String>();
  private final Object nativeClient = "native";

  @Test
  void unwrap_prefersPortableThenDriverThenNativeClient() {
    assertThat(Unwrapper.unwrap(portable, driver, nativeClient, CharSequence.class, "x"))
        .isSameAs(portable);
    assertThat(Unwrapper.unwrap(portable, driver, nativeClient, List.class, "x")).isSameAs(driver);
    assertThat(Unwrapper.unwrap(portable, driver, nativeClient, String.class, "x"))
        .isSameAs(nativeClient);
  }

  @Test
  void unwrap_noMatch_namesPortDriverNativeClientAndWantedType() {
    assertThatThrownBy(() -> Unwrapper.unwrap(portable, driver, nativeClient, Integer.class, "Q"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Q wraps java.util.ArrayList and native client java.lang.String")
        .hasMessageContaining("java.lang.Integer");
  }

  @Test
  void unwrap_withoutNativeClient_saysSo() {
    assertThatThrownBy(() -> Unwrapper.unwrap(portable, driver, null, Integer.class, "Q"))
        .hasMessageContaining("no native client");
  }

  @Test
  void unwrap_telemetryDrivers_giveThemselvesElseFail() {
    RecordingTelemetry memory = new RecordingTelemetry();
    NoopTelemetryDriver none = new NoopTelemetryDriver();
    assertThat(memory.unwrap(Telemetry.class)).isSameAs(memory);
    assertThat(none.unwrap(NoopTelemetryDriver.class)).isSameAs(none);
    assertThatThrownBy(() -> memory.unwrap(String.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("memory telemetry");
    assertThatThrownBy(() -> none.unwrap(String.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("none telemetry");
  }
}
