package io.sqlitch.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sqlitch.SqitchException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The expectations of Sqitch's t/item_formatter.t, plus the list codes Sqitch 1.3.1 crashes on with SQLite. */
class ItemFormatterTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Instant COMMITTED = Instant.parse("2012-07-16T17:25:07Z");
    private static final Instant PLANNED = Instant.parse("2012-07-15T17:25:07Z");
    private static final String LOLZ = "For the LOLZ.\n\nYou know, funny stuff and cute kittens, right?";
    private static final FormatItem EVENT = FormatItem.event("deploy", "logit", "000011112222333444", "lolz", LOLZ,
            List.of("@beta", "@gamma"), List.of("foo", "bar"), List.of(), "larry", "larry@example.com", COMMITTED,
            "damian", "damian@example.com", PLANNED);

    private final ItemFormatter formatter = ItemFormatter.defaults(CHICAGO);

    private static FormatItem withEvent(String event) {
        return FormatItem.event(event, "logit", "123456789", "lolz", "", List.of(), List.of(), List.of(),
                "larry", "larry@example.com", COMMITTED, "damian", "damian@example.com", PLANNED);
    }

    private static FormatItem withNote(String note) {
        return FormatItem.planned("deploy", "p", "123456789", "c", note, List.of(), List.of(), List.of(),
                "damian", "damian@example.com", PLANNED);
    }

    private static FormatItem withLists(List<String> tags, List<String> requires, List<String> conflicts) {
        return FormatItem.planned("deploy", "p", "123456789", "c", "", tags, requires, conflicts,
                "damian", "damian@example.com", PLANNED);
    }

    private String format(String template, FormatItem item) {
        return formatter.format(template, item);
    }

    @Test
    void eventCodes() {
        for (String event : List.of("deploy", "revert", "fail")) {
            assertEquals(event, format("%e", withEvent(event)));
            assertEquals(event, format("%l", withEvent(event)));
        }
        assertEquals("Deploy", format("%L", withEvent("deploy")));
        assertEquals("Revert", format("%L", withEvent("revert")));
        assertEquals("Fail", format("%L", withEvent("fail")));
    }

    @Test
    void labelsArePaddedToTheColumn() {
        String[][] labels = {{"event", "Event:    "}, {"change", "Change:   "}, {"committer", "Committer:"},
            {"planner", "Planner:  "}, {"by", "By:       "}, {"date", "Date:     "}, {"committed", "Committed:"},
            {"planned", "Planned:  "}, {"name", "Name:     "}, {"email", "Email:    "}, {"project", "Project:  "},
            {"requires", "Requires: "}, {"conflicts", "Conflicts:"}};
        for (String[] label : labels) {
            assertEquals(label[1], format("%{" + label[0] + "}_", EVENT));
        }
    }

    @Test
    void missingOrUnknownLabelIsAnError() {
        assertEquals("No label passed to the _ format",
                assertThrows(SqitchException.class, () -> format("%_", EVENT)).getMessage());
        assertEquals("Unknown label \"foo\" passed to the _ format",
                assertThrows(SqitchException.class, () -> format("%{foo}_", EVENT)).getMessage());
    }

    @Test
    void idsNamesAndProject() {
        FormatItem item = withEvent("deploy");
        assertEquals("123456789", format("%H", item));
        assertEquals("123456789", format("%h", item));
        assertEquals("12345", format("%{5}h", item));
        assertEquals("1234567", format("%{7}h", item));
        assertEquals("lolz", format("%n", item));
        assertEquals("logit", format("%o", item));
    }

    @Test
    void abbrevShortensOnlyLowercaseH() {
        ItemFormatter abbrev = new ItemFormatter(4, "iso", false, CHICAGO);
        assertEquals("1234", abbrev.format("%h", withEvent("deploy")));
        assertEquals("123456789", abbrev.format("%H", withEvent("deploy")));
        assertEquals("1234567", abbrev.format("%{7}h", withEvent("deploy")));
    }

    @Test
    void committerAndPlanner() {
        assertEquals("larry <larry@example.com>", format("%c", EVENT));
        assertEquals("larry", format("%{n}c", EVENT));
        assertEquals("larry", format("%{name}c", EVENT));
        assertEquals("larry@example.com", format("%{e}c", EVENT));
        assertEquals("larry@example.com", format("%{email}c", EVENT));
        assertEquals("damian <damian@example.com>", format("%p", EVENT));
        assertEquals("damian", format("%{n}p", EVENT));
        assertEquals("damian", format("%{name}p", EVENT));
        assertEquals("damian@example.com", format("%{e}p", EVENT));
        assertEquals("damian@example.com", format("%{email}p", EVENT));
    }

    @Test
    void datesUseTheDateFormatOrTheOneInTheCode() {
        assertEquals("2012-07-16 12:25:07 -0500", format("%{date}c", EVENT));
        assertEquals("Mon, 16 Jul 2012 12:25:07 -0500", format("%{date:rfc}c", EVENT));
        assertEquals("July 16, 2012, 12:25:07\u202fPM CDT", format("%{d:long}c", EVENT));
        assertEquals("12h 25m", format("%{d:cldr:HH'h' mm'm'}c", EVENT));
        assertEquals("Mon at 12:25:07", format("%{d:strftime:%a at %H:%M:%S}c", EVENT));
        assertEquals("2012-07-15 12:25:07 -0500", format("%{date}p", EVENT));
        assertEquals("Sun, 15 Jul 2012 12:25:07 -0500", format("%{date:rfc}p", EVENT));
        assertEquals("July 15, 2012, 12:25:07\u202fPM CDT", format("%{d:long}p", EVENT));
        assertEquals("12h 25m", format("%{d:cldr:HH'h' mm'm'}p", EVENT));
        assertEquals("Sun at 12:25:07", format("%{d:strftime:%a at %H:%M:%S}p", EVENT));

        ItemFormatter rfc = new ItemFormatter(0, "rfc", false, CHICAGO);
        assertEquals("Mon, 16 Jul 2012 12:25:07 -0500", rfc.format("%{date}c", EVENT));
        assertEquals("2012-07-16 12:25:07 -0500", rfc.format("%{d:iso}c", EVENT));
        assertEquals("Unknown date format \"bogus\"",
                assertThrows(SqitchException.class, () -> format("%{date:bogus}c", EVENT)).getMessage());
        assertEquals("Unknown date format \"bogus\"",
                assertThrows(SqitchException.class, () -> new ItemFormatter(0, "bogus", false, CHICAGO))
                        .getMessage());
    }

    @Test
    void tagCodesJoinWithASeparator() {
        assertEquals("", format("%t", withLists(List.of(), List.of(), List.of())));
        assertEquals(" @foo", format("%t", withLists(List.of("@foo"), List.of(), List.of())));
        assertEquals(" @foo, @bar", format("%t", withLists(List.of("@foo", "@bar"), List.of(), List.of())));
        assertEquals("", format("%{|}t", withLists(List.of(), List.of(), List.of())));
        assertEquals(" @foo|@bar", format("%{|}t", withLists(List.of("@foo", "@bar"), List.of(), List.of())));
        assertEquals("", format("%T", withLists(List.of(), List.of(), List.of())));
        assertEquals(" (@foo)", format("%T", withLists(List.of("@foo"), List.of(), List.of())));
        assertEquals(" (@foo, @bar)", format("%T", withLists(List.of("@foo", "@bar"), List.of(), List.of())));
        assertEquals(" (@foo|@bar)", format("%{|}T", withLists(List.of("@foo", "@bar"), List.of(), List.of())));
    }

    @Test
    void requiresAndConflictsCodes() {
        FormatItem none = withLists(List.of(), List.of(), List.of());
        FormatItem one = withLists(List.of(), List.of("foo"), List.of("foo"));
        FormatItem two = withLists(List.of(), List.of("foo", "bar"), List.of("foo", "bax"));
        assertEquals("", format("%r", none));
        assertEquals(" foo", format("%r", one));
        assertEquals(" foo, bar", format("%r", two));
        assertEquals(" foo|bar", format("%{|}r", two));
        assertEquals("", format("%R", none));
        assertEquals("Requires:  foo\n", format("%R", one));
        assertEquals("Requires:  foo, bar\n", format("%R", two));
        assertEquals("Requires:  foo|bar\n", format("%{|}R", two));
        assertEquals("", format("%x", none));
        assertEquals(" foo", format("%x", one));
        assertEquals(" foo, bax", format("%x", two));
        assertEquals(" foo|bax", format("%{|}x", two));
        assertEquals("", format("%X", none));
        assertEquals("Conflicts: foo\n", format("%X", one));
        assertEquals("Conflicts: foo, bax\n", format("%X", two));
        assertEquals("Conflicts: foo|bax\n", format("%{|}X", two));
    }

    @Test
    void colourCodesAreEmptyWhenColourIsOff() {
        assertEquals("", format("%{yellow}C", EVENT));
        assertEquals("", format("%{:event}C", EVENT));
        assertEquals("", new ItemFormatter(0, "iso", false, CHICAGO).format("%{red}C", EVENT));
    }

    @Test
    void colourCodesEmitAnsiEscapesWhenColourIsOn() {
        ItemFormatter always = new ItemFormatter(0, "iso", true, CHICAGO);
        assertEquals("\u001b[33m", always.format("%{yellow}C", EVENT));
        assertEquals("\u001b[31m", always.format("%{red}C", EVENT));
        assertEquals("\u001b[34m", always.format("%{blue}C", EVENT));
        assertEquals("\u001b[36m", always.format("%{cyan}C", EVENT));
        assertEquals("\u001b[35m", always.format("%{magenta}C", EVENT));
        assertEquals("\u001b[0m", always.format("%{reset}C", EVENT));
        assertEquals("\u001b[1;31m", always.format("%{bold red}C", EVENT));
        assertEquals("\u001b[38;5;235m", always.format("%{grey3}C", EVENT));
        assertEquals("\u001b[48;2;1;2;3m", always.format("%{on_r1g2b3}C", EVENT));
        assertEquals("\u001b[32m", always.format("%{:event}C", withEvent("deploy")));
        assertEquals("\u001b[34m", always.format("%{:event}C", withEvent("revert")));
        assertEquals("\u001b[31m", always.format("%{:event}C", withEvent("fail")));
    }

    @Test
    void invalidColourIsAnErrorEvenWithColourOff() {
        assertEquals("BLUELOLZ is not a valid ANSI color",
                assertThrows(SqitchException.class, () -> format("%{BLUELOLZ}C", EVENT)).getMessage());
        assertEquals(" is not a valid ANSI color",
                assertThrows(SqitchException.class, () -> format("%C", EVENT)).getMessage());
    }

    @Test
    void newlineAndPercent() {
        assertEquals("\n", format("%v", EVENT));
        assertEquals("%", format("%%", EVENT));
        assertEquals("100% sure", format("100% sure", EVENT));
    }

    @Test
    void subjectIsTheFirstLineOfTheNote() {
        assertEquals("hi there", format("%s", withNote("hi there")));
        assertEquals("hi there", format("%s", withNote("hi there\nyo")));
        assertEquals("subject line", format("%s", withNote("subject line\n\nfirst graph\n\nsecond graph\n\n")));
        assertEquals("  hi there", format("%{  }s", withNote("hi there")));
        assertEquals("xxhi there", format("%{xx}s", withNote("hi there")));
    }

    @Test
    void bodyIsTheNoteAfterTheSubject() {
        String graphs = "subject line\n\nfirst graph\n\nsecond graph\n\n";
        assertEquals("", format("%b", withNote("hi there")));
        assertEquals("yo", format("%b", withNote("hi there\nyo")));
        assertEquals("first graph\n\nsecond graph\n\n", format("%b", withNote(graphs)));
        assertEquals("", format("%{  }b", withNote("hi there")));
        assertEquals("xxx yo", format("%{xxx }b", withNote("hi there\nyo")));
        assertEquals("xfirst graph\nx\nxsecond graph\nx\n", format("%{x}b", withNote(graphs)));
        assertEquals(" yo", format("%{ }b", withNote("hi there\r\nyo")));
    }

    @Test
    void wholeNoteWithOptionalLinePrefix() {
        String graphs = "subject line\n\nfirst graph\n\nsecond graph\n\n";
        assertEquals("hi there", format("%B", withNote("hi there")));
        assertEquals("hi there\nyo", format("%B", withNote("hi there\nyo")));
        assertEquals(graphs, format("%B", withNote(graphs)));
        assertEquals("  hi there", format("%{  }B", withNote("hi there")));
        assertEquals("xxx hi there\nxxx yo", format("%{xxx }B", withNote("hi there\nyo")));
        assertEquals("xsubject line\nx\nxfirst graph\nx\nxsecond graph\nx\n", format("%{x}B", withNote(graphs)));
        assertEquals(" hi there\r\n yo", format("%{ }B", withNote("hi there\r\nyo")));
        assertEquals("    ", format("%{    }B", withNote("")));
    }

    @Test
    void attributesArePaddedNameValueLines() {
        assertEquals("change    lolz\n", format("%{change}a", EVENT));
        assertEquals("change_id 000011112222333444\n", format("%{change_id}a", EVENT));
        assertEquals("event     deploy\n", format("%{event}a", EVENT));
        assertEquals("tags      @beta, @gamma\n", format("%{tags}a", EVENT));
        assertEquals("requires  foo, bar\n", format("%{requires}a", EVENT));
        assertEquals("", format("%{conflicts}a", EVENT));
        assertEquals("committer_name larry\n", format("%{committer_name}a", EVENT));
        assertEquals("committed_at 2012-07-16T17:25:07Z\n", format("%{committed_at}a", EVENT));
    }

    @Test
    void unknownAttributeIsAnError() {
        assertEquals("foo is not a valid change attribute",
                assertThrows(SqitchException.class, () -> format("%{foo}a", EVENT)).getMessage());
        // Plan items carry no committer, as in Sqitch's plan command.
        assertEquals("committer_name is not a valid change attribute",
                assertThrows(SqitchException.class, () -> format("%{committer_name}a", withNote(""))).getMessage());
    }

    @Test
    void unknownCodeIsAnError() {
        assertEquals("Unknown format code \"Z\"",
                assertThrows(SqitchException.class, () -> format("%Z", EVENT)).getMessage());
    }

    @Test
    void widthsAlignAndTruncateLikeStringFormatter() {
        assertEquals("      lolz|lolz      |000011", format("%10n|%-10n|%.6H", EVENT));
        assertEquals("lolz", format("%.0n", EVENT));
    }

    @Test
    void builtInLogTemplatesRenderAnEvent() {
        assertEquals("""
                Deploy 000011112222333444
                Name:      lolz
                Committer: larry <larry@example.com>
                Date:      2012-07-16 12:25:07 -0500

                    For the LOLZ.
                   \s
                    You know, funny stuff and cute kittens, right?
                """, format(FormatTemplates.logTemplate("medium"), EVENT));
        assertEquals("""
                deploy 000011112222333444 (@beta, @gamma)
                name      lolz
                project   logit
                requires  foo, bar
                planner   damian <damian@example.com>
                planned   2012-07-15T17:25:07Z
                committer larry <larry@example.com>
                committed 2012-07-16T17:25:07Z

                    For the LOLZ.
                   \s
                    You know, funny stuff and cute kittens, right?
                """, format(FormatTemplates.logTemplate("raw"), EVENT));
        assertEquals("""
                Deploy 000011112222333444 (@beta, @gamma)
                Name:      lolz
                Project:   logit
                Requires:  foo, bar
                Planner:   damian <damian@example.com>
                Planned:   2012-07-15 12:25:07 -0500
                Committer: larry <larry@example.com>
                Committed: 2012-07-16 12:25:07 -0500

                    For the LOLZ.
                   \s
                    You know, funny stuff and cute kittens, right?
                """, format(FormatTemplates.logTemplate("full"), EVENT));
        ItemFormatter oneline = new ItemFormatter(6, "iso", false, CHICAGO);
        assertEquals("000011 deploy logit:lolz For the LOLZ.",
                oneline.format(FormatTemplates.logTemplate("oneline"), EVENT));
    }

    @Test
    void builtInPlanTemplatesUseThePlanner() {
        FormatItem change = FormatItem.planned("deploy", "flipr", "71f0b9aaaa", "b", "", List.of("@t1", "@t2"),
                List.of(), List.of(), "damian", "damian@example.com", PLANNED);
        ItemFormatter oneline = new ItemFormatter(6, "iso", false, CHICAGO);
        assertEquals("71f0b9 deploy b @t1, @t2", oneline.format(FormatTemplates.planTemplate("oneline"), change));
        assertEquals("""
                Deploy 71f0b9aaaa
                Name:      b
                Planner:   damian <damian@example.com>

                   \s
                """, format(FormatTemplates.planTemplate("short"), change));
    }

    @Test
    void formatValuesResolveToTemplates() {
        assertEquals("%n", FormatTemplates.logTemplate("format:%n"));
        assertEquals("%n", FormatTemplates.planTemplate("format:%n"));
        assertEquals("Unknown log format \"bogus\"",
                assertThrows(SqitchException.class, () -> FormatTemplates.logTemplate("bogus")).getMessage());
        assertEquals("Unknown plan format \"bogus\"",
                assertThrows(SqitchException.class, () -> FormatTemplates.planTemplate("bogus")).getMessage());
        assertEquals(List.of("full", "long", "medium", "oneline", "raw", "short"),
                FormatTemplates.LOG.keySet().stream().sorted().toList());
        assertEquals(FormatTemplates.LOG.keySet(), FormatTemplates.PLAN.keySet());
    }
}
