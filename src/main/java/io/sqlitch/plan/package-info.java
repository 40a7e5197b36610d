/**
 * The Sqitch 1.3.1 plan file, without Maven: {@link io.sqlitch.plan.PlanParser} reads it with Sqitch's exact
 * errors (decoding in {@code PlanText}, line grammar in {@code PlanGrammar}, reading in {@code PlanReader},
 * requirement order in {@code DependencyOrderCheck}, IDs and tags chained in {@code PlanAssembler}), {@link io.sqlitch.plan.Plan} holds its lines and changes and answers change specifiers
 * ({@code @HEAD^}, {@code x@tag}, IDs), {@link io.sqlitch.plan.PlanWriter} applies add/tag/rework and writes the
 * whole file back byte for byte, {@link io.sqlitch.plan.Change#id()} and {@link io.sqlitch.plan.Tag#id()} are the
 * registry IDs, {@link io.sqlitch.plan.Names} holds the name rule and its messages.
 */
package io.sqlitch.plan;
