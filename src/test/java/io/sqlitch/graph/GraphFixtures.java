package io.sqlitch.graph;

import io.sqlitch.plan.Plan;
import io.sqlitch.plan.PlanParser;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Plans the graph tests draw: the SQLite tutorial's, and one with every kind of node and edge. */
final class GraphFixtures {

    static final String FLIPR = """
            %syntax-version=1.0.0
            %project=flipr
            %uri=https://github.com/sqitchers/sqitch-sqlite-intro/

            users 2013-12-30T23:49:00Z Marge N. O’Vera <marge@example.com> # Creates table to track our users.
            flips [users] 2013-12-31T00:07:21Z Marge N. O’Vera <marge@example.com> # Adds table for storing flips.
            userflips [users flips] 2013-12-31T00:30:37Z Marge N. O’Vera <marge@example.com> # Creates the userflips view.
            @v1.0.0-dev1 2013-12-31T00:31:24Z Marge N. O’Vera <marge@example.com> # Tag v1.0.0-dev1.

            lists [users] 2014-01-02T21:02:08Z Marge N. O’Vera <marge@example.com> # Adds table for storing lists.
            hashtags [flips] 2014-01-02T21:03:13Z Marge N. O’Vera <marge@example.com> # Adds table for storing hashtags.
            @v1.0.0-dev2 2014-01-02T21:04:35Z Marge N. O’Vera <marge@example.com> # Tag v1.0.0-dev2.
            userflips [userflips@v1.0.0-dev2] 2014-01-02T21:05:08Z Marge N. O’Vera <marge@example.com> # Adds userflips.twitter.
            """;

    /** Odd names (quotes, markup, ampersands, a hash in the note), a conflict, another project, a missing name. */
    static final String ODD = """
            %syntax-version=1.0.0
            %project=odd

            a"b<c>&d 2024-01-01T00:00:00Z Ann <ann@example.com> # Quote "and" <markup> & #hash
            e'f [a"b<c>&d auth:users !gone] 2024-01-01T00:00:01Z Ann <ann@example.com> # Needs auth.
            g [!e'f auth:users billing:invoices@v2] 2024-01-01T00:00:02Z Ann <ann@example.com>
            """;

    private GraphFixtures() {
    }

    static Plan plan(String text) {
        return PlanParser.parse(text, "sqitch.plan");
    }

    /** The graph of {@code text} with its first {@code deployed} changes deployed (-1: without a target). */
    static PlanGraph graph(String text, int deployed) {
        Plan plan = plan(text);
        if (deployed < 0) {
            return PlanGraph.of(plan, null);
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < deployed; i++) {
            ids.add(plan.changeIdAt(i));
        }
        return PlanGraph.of(plan, new TargetState("db:sqlite:test.db", Optional.empty(), ids));
    }
}
