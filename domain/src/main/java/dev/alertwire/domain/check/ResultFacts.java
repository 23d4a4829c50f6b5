package dev.alertwire.domain.check;

import java.time.Instant;

/**
 * What a reported result says, as the API takes it. Optional parts are null when the result does not
 * carry them.
 */
public record ResultFacts(
    String resultId,
    boolean hasFailures,
    boolean isDegraded,
    Number responseTime,
    String runLocation,
    String region,
    Instant startedAt,
    String errorMessage,
    Integer responseStatusCode,
    String responseStatusText,
    String responseBody,
    String checkUrl,
    String sslDomain,
    Integer sslDaysRemaining,
    String aiRootCause,
    String aiUserImpact,
    String aiClassification,
    String aiCodeFix,
    String aiLink,
    String resultLink) {}
