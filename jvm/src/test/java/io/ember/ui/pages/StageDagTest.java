package io.ember.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.TaskMetricValues;
import io.ember.scheduler.StageInfo.RddInfo;
import io.ember.ui.store.StageData;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StageDagTest {
    private static StageData stage(int id, List<Integer> parents, List<RddInfo> rdds) {
        return new StageData("COMPLETE", id, 0, 2, 0, 2, 0, 0, 2, 1, 1, 2, null, TaskMetricValues.EMPTY, "s" + id, null,
                List.of(0), parents, rdds);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void drawsStagesRddsNarrowAndShuffleEdges() {
        String svg = StageDag.svg(List.of(
                stage(1, List.of(0), List.of(new RddInfo(3, "map", null, 2, List.of(2), "None"),
                        new RddInfo(2, "ShuffledRDD", null, 2, List.of(1), "None"))),
                stage(0, List.of(), List.of(new RddInfo(1, "<b>pairs</b>", "at x.py:3", 2, List.of(0), "None"),
                        new RddInfo(0, "parallelize", null, 2, List.of(), "None")))));
        assertEquals(2, count(svg, "<g class=\"stage\""));
        assertEquals(4, count(svg, "<g class=\"rdd\""));
        assertEquals(2, count(svg, "class=\"narrow\""));
        assertEquals(1, count(svg, "class=\"shuffle\""));
        assertTrue(svg.contains("&lt;b&gt;pairs&lt;/b&gt; [1]"), svg);
        assertFalse(svg.contains("<b>"), svg);
        // the child stage is drawn to the right of its parent
        assertTrue(svg.indexOf("id=\"dag-stage-0\"><rect x=\"12\"") > 0, svg);
        assertTrue(svg.indexOf("id=\"dag-stage-1\"><rect x=\"252\"") > 0, svg);
    }

    @Test
    void nothingToDrawWithoutStages() {
        assertEquals("", StageDag.svg(List.of()));
    }
}
