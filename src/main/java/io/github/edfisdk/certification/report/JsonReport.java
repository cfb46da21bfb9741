package io.github.edfisdk.certification.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.edfisdk.certification.build.PayloadProblem;
import io.github.edfisdk.certification.check.PropertyCheck;
import io.github.edfisdk.certification.run.CertificationReport;
import io.github.edfisdk.certification.run.Outcome;
import io.github.edfisdk.certification.run.PrerequisiteAction;
import io.github.edfisdk.certification.run.ScenarioResult;
import java.util.List;

/** {@code report.json}: every run, scenario step and property check, for tools. */
public final class JsonReport {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private JsonReport() {
    }

    public static String render(List<CertificationReport> runs) {
        JsonObject root = new JsonObject();
        JsonArray arr = new JsonArray();
        runs.forEach(r -> arr.add(run(r)));
        root.add("runs", arr);
        return GSON.toJson(root);
    }

    static JsonObject run(CertificationReport r) {
        JsonObject o = new JsonObject();
        o.addProperty("suite", r.suite().folder());
        o.addProperty("dataStandard", r.suite().dataStandard().version());
        o.addProperty("target", r.target());
        o.addProperty("mode", r.mode().label());
        o.addProperty("schoolYear", r.context().schoolYear());
        o.addProperty("descriptorNamespace", r.context().descriptorNamespace());
        o.addProperty("startedAt", r.startedAt().toString());
        o.addProperty("durationMs", r.duration().toMillis());
        o.addProperty("passed", r.passed());
        JsonObject counts = new JsonObject();
        r.counts().forEach((k, v) -> counts.addProperty(k.name().toLowerCase(java.util.Locale.ROOT), v));
        o.add("counts", counts);
        JsonArray results = new JsonArray();
        r.results().forEach(s -> results.add(result(s)));
        o.add("results", results);
        return o;
    }

    static JsonObject result(ScenarioResult s) {
        JsonObject o = new JsonObject();
        o.addProperty("page", s.page().resourceName());
        o.addProperty("pageSource", s.page().source());
        o.addProperty("resource", s.page().resource() == null ? null : s.page().resource().path());
        o.addProperty("scenario", s.scenario().number());
        o.addProperty("verb", s.scenario().verb().name());
        o.addProperty("description", s.scenario().description());
        o.addProperty("outcome", s.outcome().name());
        o.addProperty("message", s.message());
        if (s.status() > 0) {
            o.addProperty("status", s.status());
        }
        if (s.itemId() != null) {
            o.addProperty("id", s.itemId());
        }
        o.addProperty("durationMs", s.millis());
        JsonArray pre = new JsonArray();
        for (PrerequisiteAction a : s.prerequisites()) {
            JsonObject p = new JsonObject();
            p.addProperty("resource", a.resource());
            p.addProperty("key", a.key());
            p.addProperty("source", a.source());
            p.addProperty("created", a.created());
            if (!a.created()) {
                p.addProperty("error", a.error());
            }
            pre.add(p);
        }
        o.add("prerequisitesCreated", pre);
        JsonArray problems = new JsonArray();
        for (PayloadProblem p : s.problems()) {
            JsonObject j = new JsonObject();
            j.addProperty("kind", p.kind().name());
            j.addProperty("blocking", p.blocking());
            if (p.line() > 0) {
                j.addProperty("line", p.line());
            }
            j.addProperty("property", p.property());
            j.addProperty("message", p.message());
            problems.add(j);
        }
        o.add("tableProblems", problems);
        JsonArray checks = new JsonArray();
        if (s.checks() != null) {
            for (PropertyCheck c : s.checks().checks()) {
                JsonObject j = new JsonObject();
                j.addProperty("path", c.path());
                j.addProperty("required", c.level().name());
                if (c.line() > 0) {
                    j.addProperty("line", c.line());
                }
                j.addProperty("expected", c.expected());
                j.addProperty("actual", c.actual());
                j.addProperty("verdict", c.verdict().name());
                j.addProperty("reason", c.reason());
                checks.add(j);
            }
        }
        o.add("checks", checks);
        if (s.sent() != null) {
            o.add("sent", s.sent());
        }
        if (s.actual() != null && s.outcome() != Outcome.PASSED) {
            o.add("actual", s.actual());
        }
        return o;
    }
}
