package dev.alertwire.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LauncherTest {
  private static Properties props(String... keyValues) {
    Properties p = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return p;
  }

  @Test
  void defaultsKeepTodaysListener() {
    Launcher launcher = new Launcher(Map.of(), new Properties());
    assertEquals("8080", launcher.port());
    assertEquals("0.0.0.0", launcher.bindAddress());
    assertArrayEquals(new String[] {"--port", "8080"}, launcher.payaraArguments(new String[0]));
  }

  @Test
  void environmentWinsOverSystemProperties() {
    Launcher launcher =
        new Launcher(
            Map.of("ALERTWIRE_PORT", "9090", "ALERTWIRE_BIND_ADDRESS", "127.0.0.1"),
            props("alertwire.port", "7070", "alertwire.bind.address", "10.0.0.1"));
    assertEquals("9090", launcher.port());
    assertEquals("127.0.0.1", launcher.bindAddress());
  }

  @Test
  void systemPropertiesWhenTheEnvironmentIsSilentOrBlank() {
    Launcher launcher = new Launcher(Map.of("ALERTWIRE_PORT", " "), props("alertwire.port", "7070", "alertwire.bind.address", "::1"));
    assertEquals("7070", launcher.port());
    assertEquals("0:0:0:0:0:0:0:1", launcher.bindAddress());
  }

  @Test
  void userArgumentsComeLastSoTheyWin() {
    Launcher launcher = new Launcher(Map.of("ALERTWIRE_PORT", "9090"), new Properties());
    assertArrayEquals(
        new String[] {"--port", "9090", "--port", "9191", "--logtofile", "x.log"},
        launcher.payaraArguments(new String[] {"--port", "9191", "--logtofile", "x.log"}));
  }

  @Test
  void refusesWhatIsNotAPortOrAnAddress() {
    for (String port : new String[] {"0", "65536", "http", "80a"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Launcher(Map.of("ALERTWIRE_PORT", port), new Properties()));
      assertTrue(e.getMessage().contains("ALERTWIRE_PORT"), e.getMessage());
    }
    for (String address : new String[] {"localhost", "example.org", "256.1.1.1", "1.2.3", "::g"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new Launcher(Map.of("ALERTWIRE_BIND_ADDRESS", address), new Properties()));
      assertTrue(e.getMessage().contains("ALERTWIRE_BIND_ADDRESS"), e.getMessage());
    }
  }

  @Test
  void releasesIdleMemoryUnlessTurnedOff() {
    assertTrue(new Launcher(Map.of(), new Properties()).releaseIdleMemory());
    assertFalse(new Launcher(Map.of("ALERTWIRE_RELEASE_IDLE_MEMORY", "FALSE"), new Properties()).releaseIdleMemory());
    assertFalse(new Launcher(Map.of(), props("alertwire.release.idle.memory", "false")).releaseIdleMemory());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Launcher(Map.of("ALERTWIRE_RELEASE_IDLE_MEMORY", "no"), new Properties()));
    assertTrue(e.getMessage().contains("ALERTWIRE_RELEASE_IDLE_MEMORY must be true or false"), e.getMessage());
  }

  @Test
  void capsTheDirectBufferCacheUnlessTheUserChoseASize() {
    Launcher launcher = new Launcher(Map.of(), new Properties());
    Properties unset = new Properties();
    launcher.bufferCacheDefault(unset);
    assertEquals("65536", unset.getProperty("jdk.nio.maxCachedBufferSize"));
    Properties chosen = props("jdk.nio.maxCachedBufferSize", "1048576");
    launcher.bufferCacheDefault(chosen);
    assertEquals("1048576", chosen.getProperty("jdk.nio.maxCachedBufferSize"));
  }
}
