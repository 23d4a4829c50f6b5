/**
 * Moving configuration in and out: Alertwire's own document ({@code ConfigurationTransfer}) and the hosted
 * product's export ({@code ChecklyImport}).
 *
 * <p>Decisions for the hosted product's import (issue #16):
 *
 * <ul>
 *   <li>Per-item refusals skip the item instead of refusing the request, so one export with an EMAIL
 *       channel or a broken template still brings the rest; the dry run lists each skip with its reason. A
 *       wrong shape (a field of the wrong type, a WEBHOOK without url) and every problem with the secret
 *       values the caller gives are 400s instead: those are the caller's to fix, not the export's.
 *   <li>Skipping needs a check that does not throw: a refusal thrown by a boundary is an application
 *       exception with rollback, which would roll the whole import back even when caught. So the boundaries
 *       offer {@code ChannelAdministration.problems} and {@code VariableAdministration.refusal}, the same
 *       validation {@code create} runs, and the import calls {@code create} only for what passed.
 *   <li>An existing name is skipped, never updated: the hosted product's export is a one-time move, and an
 *       update would overwrite what was changed here since (a second import is a no-op).
 *   <li>The hosted product's {@code locked} variables become secrets too: Alertwire has one kind of hidden
 *       variable, and a viewer here can read plain ones.
 *   <li>A hidden value is one the export cannot carry: a secret variable, a value holding {@code
 *       ***masked***} (or only asterisks), a locked row left empty. The dry run fills a stand-in so the rest
 *       of the channel is checked; the real import refuses until every value is given.
 *   <li>{@code dryRun} defaults to true at the API: creating needs saying so.
 * </ul>
 */
package dev.alertwire.delivery.transfer;
