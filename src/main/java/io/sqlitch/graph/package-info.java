/**
 * A picture of the plan, without Maven and without a native Graphviz: {@link io.sqlitch.graph.PlanGraph} is the
 * dependency graph of a plan (changes in plan order, requires, conflicts, reworks, external projects, deployed or
 * pending), and {@link io.sqlitch.graph.SvgRenderer}, {@link io.sqlitch.graph.DotRenderer},
 * {@link io.sqlitch.graph.MermaidRenderer} and {@link io.sqlitch.graph.HtmlReport} write it out. Depends on
 * {@code plan} and {@code registry} only.
 */
package io.sqlitch.graph;
