package dev.alertwire.delivery.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code channel} label: the channel's id, for the first {@code alertwire.metrics.max-channels}
 * channels (default 100) this process counts something for; any later channel is counted as
 * {@value #OTHER}, so the number of series stays bounded however many channels there are, and a channel
 * deleted since keeps its series until the process restarts (no channel's count goes backwards).
 * A delivery whose channel is gone is counted as {@value #NONE}.
 */
@ApplicationScoped
public class ChannelLabels {
  static final String OTHER = "other";
  static final String NONE = "none";

  @Inject
  @ConfigProperty(name = "alertwire.metrics.max-channels", defaultValue = "100")
  int maxChannels;

  private final Set<String> tracked = ConcurrentHashMap.newKeySet();

  String label(String channelId) {
    if (channelId == null) {
      return NONE;
    }
    if (tracked.contains(channelId)) {
      return channelId;
    }
    synchronized (tracked) {
      if (tracked.contains(channelId) || tracked.size() < Math.max(0, maxChannels)) {
        tracked.add(channelId);
        return channelId;
      }
    }
    return OTHER;
  }

  /** The channel ids that appear as labels. */
  List<String> tracked() {
    return List.copyOf(tracked);
  }
}
