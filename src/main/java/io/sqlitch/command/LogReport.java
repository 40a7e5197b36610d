package io.sqlitch.command;

import io.sqlitch.registry.RegistryEvent;
import io.sqlitch.target.Target;
import java.util.List;

/**
 * What {@code log} found: the target and the events shown (none when nothing is logged).
 *
 * @param target the target read
 * @param events the events shown, in the order shown
 */
public record LogReport(Target target, List<RegistryEvent> events) {

    public LogReport {
        events = List.copyOf(events);
    }
}
