package dev.alertwire.delivery.check;

import dev.alertwire.domain.check.ResultFacts;
import java.util.List;

/**
 * A result as posted: the check by id, or by name and type (registered on its first result with the given
 * tags and group name), and what the run found.
 */
public record ResultInput(
    String checkId, String checkName, String checkType, List<String> tags, String groupName, ResultFacts facts) {}
