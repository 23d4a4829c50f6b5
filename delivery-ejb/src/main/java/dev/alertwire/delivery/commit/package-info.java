/**
 * Group commit for the delivery path. Accepting an alert, claiming deliveries and recording an attempt were
 * each a transaction of their own, about four commits per delivery, and on H2 ({@code WRITE_DELAY=0}) and
 * PostgreSQL alike the commits queued behind each other (docs/benchmarks.md, section 2). They now go to one
 * writer ({@link dev.alertwire.persistence.GroupCommit}) as plain JDBC; writes that arrive while it commits
 * share the next commit, and each caller goes on only after the commit that holds its write, so an alert is
 * still durable before its 202 and a lease is visible to other instances before its request goes out.
 *
 * <p>Rare writes (an unsendable request, a rate-limit wait, a 410 that flags the channel, a lease given back)
 * stay in their container transactions: they are few, and their logic lives on the entities.
 */
package dev.alertwire.delivery.commit;
