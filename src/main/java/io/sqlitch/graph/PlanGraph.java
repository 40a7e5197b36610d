package io.sqlitch.graph;

import io.sqlitch.SqitchException;
import io.sqlitch.plan.Change;
import io.sqlitch.plan.Dependency;
import io.sqlitch.plan.Plan;
import io.sqlitch.plan.Tag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The dependency graph of a plan: its changes in plan order (already a topological order, since a change may only
 * require earlier ones), then the external nodes its dependencies name, and the edges between them.
 *
 * @param project   the plan's project
 * @param changes   the changes, in plan order (node index = plan index)
 * @param externals nodes for other projects' changes and for dependencies the plan does not hold
 * @param edges     requires, conflicts and rework edges, in plan order of the declaring change
 * @param target    the target the statuses come from, or empty when drawn without one
 */
public record PlanGraph(String project, List<GraphNode> changes, List<ExternalNode> externals,
                        List<GraphEdge> edges, Optional<TargetState> target) {

    public PlanGraph {
        changes = List.copyOf(changes);
        externals = List.copyOf(externals);
        edges = List.copyOf(edges);
    }

    /** The graph of {@code plan}; {@code target} (may be null) colours each change deployed or pending. */
    public static PlanGraph of(Plan plan, TargetState target) {
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphEdge> edges = new ArrayList<>();
        Map<String, ExternalNode> externals = new LinkedHashMap<>();
        Map<String, Integer> lastByName = new HashMap<>();
        int[] reworkedBy = new int[plan.count()];
        int[] reworkOf = new int[plan.count()];
        for (int i = 0; i < plan.count(); i++) {
            Integer earlier = lastByName.put(plan.changeAt(i).name(), i);
            reworkOf[i] = earlier == null ? -1 : earlier;
            reworkedBy[i] = -1;
            if (earlier != null) {
                reworkedBy[earlier] = i;
            }
        }
        lastByName.clear();
        for (int i = 0; i < plan.count(); i++) {
            Change change = plan.changeAt(i);
            String id = plan.changeIdAt(i);
            NodeStatus status = target == null ? NodeStatus.UNKNOWN
                    : target.deployedIds().contains(id) ? NodeStatus.DEPLOYED : NodeStatus.PENDING;
            nodes.add(new GraphNode(i, id, change.name(), change.tags().stream().map(Tag::name).toList(),
                    change.note(), change.planner() + " " + change.timestampString(), change.isRevert(),
                    reworkOf[i], reworkedBy[i], status));
            if (reworkOf[i] >= 0) {
                edges.add(new GraphEdge(EdgeKind.REWORK, reworkOf[i], i, ""));
            }
            for (Dependency dep : change.dependencies()) {
                OptionalInt found = resolve(plan, dep, i, lastByName);
                int from;
                if (found.isPresent()) {
                    from = found.getAsInt();
                } else {
                    String key = dep.asString();
                    boolean missing = !dep.isExternal() && !(dep.hasId() && !dep.hasProject());
                    from = externals.computeIfAbsent(key,
                            k -> new ExternalNode(plan.count() + externals.size(), k, missing)).index();
                }
                edges.add(new GraphEdge(dep.conflicts() ? EdgeKind.CONFLICTS : EdgeKind.REQUIRES, from, i,
                        dep.asPlanString()));
            }
            lastByName.put(change.name(), i);
        }
        return new PlanGraph(plan.project(), nodes, List.copyOf(externals.values()), edges,
                Optional.ofNullable(target));
    }

    /**
     * The plan index a dependency of the change at {@code at} names: a plain name is its latest instance before
     * that change (as Sqitch resolves it when planning), a tag-qualified one Sqitch's lookup; empty when outside
     * the plan.
     */
    private static OptionalInt resolve(Plan plan, Dependency dep, int at, Map<String, Integer> lastByName) {
        if (dep.isExternal()) {
            return OptionalInt.empty();
        }
        if (dep.change() != null && dep.tag() == null) {
            Integer last = lastByName.get(dep.change());
            return last != null ? OptionalInt.of(last) : plan.firstIndexOf(dep.change());
        }
        try {
            return plan.indexOf(dep.keyName());
        } catch (SqitchException unknownTag) {
            return OptionalInt.empty();
        }
    }

    /** All nodes: changes then externals. */
    public int nodeCount() {
        return changes.size() + externals.size();
    }

    public boolean isExternal(int node) {
        return node >= changes.size();
    }

    public ExternalNode external(int node) {
        return externals.get(node - changes.size());
    }

    /** The label of any node: a change's name, an external node's key. */
    public String label(int node) {
        return isExternal(node) ? external(node).key() : changes.get(node).name();
    }

    /** The number of changes with the given status. */
    public long count(NodeStatus status) {
        return changes.stream().filter(c -> c.status() == status).count();
    }

    /** The pending changes, in plan order. */
    public List<GraphNode> pending() {
        return changes.stream().filter(c -> c.status() == NodeStatus.PENDING).toList();
    }
}
