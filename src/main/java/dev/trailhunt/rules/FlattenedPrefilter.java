package dev.trailhunt.rules;

import dev.trailhunt.esql.ast.Binary;
import dev.trailhunt.esql.ast.BinaryOp;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.FieldRef;
import dev.trailhunt.esql.ast.FunctionCall;
import dev.trailhunt.esql.ast.Literal;
import dev.trailhunt.esql.ast.Not;
import dev.trailhunt.esql.ast.Source;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a cheap substring test before each term or wildcard query on an {@code aws.cloudtrail.flattened.*} leaf, which the
 * translator derives by parsing {@code event.original} (about 36 µs an event): {@code P} becomes {@code C AND P} where
 * {@code P} implies {@code C}, so the result is the same everywhere, under NOT too.
 *
 * <p>{@code C} is {@code $stored_contains(text, run)}: the object's {@code Map.toString} text as the store holds it
 * ({@code aws.cloudtrail.request_parameters} for {@code flattened.request_parameters.*}), which holds every string leaf of
 * the object as it is, unescaped, and booleans as {@code true}/{@code false}, contains the query's longest literal run of
 * letters, digits and {@code . _ - : , @ + /} that holds a character no number's text has (not only digits, {@code . + -} and
 * {@code e}: DuckDB and Java write a number differently, a string as it is). A leaf exists only
 * where that text does (the translator derives none when it is null), and the stored text is read before ignore_above, which
 * would hide a long text that still has leaves. The test is a plain substring test on a stored column, which DuckDB runs
 * inside its table scan, so the scan decompresses {@code event.original} only for the rows it keeps. additionalEventData is
 * left alone: its text lacks the {@code UserName} the pipeline moves away.
 */
final class FlattenedPrefilter {
    private static final String PREFIX = "aws.cloudtrail.flattened.";
    private static final Pattern RUN = Pattern.compile("[A-Za-z0-9._\\-:,@+/]+");
    /** Finds a character that no rendering of a JSON number holds (DuckDB's or Java's): such a run comes from a string leaf. */
    private static final Pattern NOT_NUMERIC = Pattern.compile("[^0-9.eE+\\-]");
    private static final java.util.Map<String, String> TEXTS = java.util.Map.of(
            "request_parameters", "aws.cloudtrail.request_parameters",
            "response_elements", "aws.cloudtrail.response_elements",
            "service_event_details", "aws.cloudtrail.service_event_details");

    private FlattenedPrefilter() {}

    /** Returns the filter with the substring tests added where the store has the text column to test. */
    static Expr apply(Expr e, java.util.function.Predicate<String> hasColumn) {
        if (e instanceof Binary b && (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR)) {
            return new Binary(b.op(), apply(b.left(), hasColumn), apply(b.right(), hasColumn), b.source());
        }
        if (e instanceof Not n) {
            return new Not(apply(n.operand(), hasColumn), n.source());
        }
        if (e instanceof FunctionCall f && f.name().equals("$exists") && f.args().size() == 1 && f.args().get(0) instanceof FieldRef field
                && field.name().startsWith(PREFIX) && RuleCompiler.derivedFromOriginal(field.name())) {
            // A leaf that exists has its key in the text, as "key=".
            String rest = field.name().substring(PREFIX.length());
            String key = rest.substring(rest.lastIndexOf('.') + 1);
            String column = rest.indexOf('.') > 0 ? TEXTS.get(rest.substring(0, rest.indexOf('.'))) : null;
            if (column == null || !RUN.matcher(key).matches() || !hasColumn.test(column)) {
                return e;
            }
            return guarded(column, key + "=", e, f.source());
        }
        if (e instanceof FunctionCall f && (f.name().equals("$term") || f.name().equals("$wildcard")) && f.args().size() == 2
                && f.args().get(0) instanceof FieldRef field && field.name().startsWith(PREFIX)
                && RuleCompiler.derivedFromOriginal(field.name()) && f.args().get(1) instanceof Literal value && value.value() != null) {
            String rest = field.name().substring(PREFIX.length());
            String column = rest.indexOf('.') > 0 ? TEXTS.get(rest.substring(0, rest.indexOf('.'))) : null;
            String run = longestRun(String.valueOf(value.value()), f.name().equals("$wildcard"));
            if (column == null || run.isEmpty() || !hasColumn.test(column)) {
                return e;
            }
            return guarded(column, run, e, f.source());
        }
        return e;
    }

    /** Returns {@code $stored_contains(column, run) AND e}. */
    private static Expr guarded(String column, String run, Expr e, Source source) {
        Expr contains = new FunctionCall("$stored_contains", List.of(new FieldRef(column, Source.EMPTY),
                new Literal(run, dev.trailhunt.esql.ast.LiteralType.KEYWORD, Source.EMPTY)), false, Source.EMPTY);
        return new Binary(BinaryOp.AND, contains, e, source);
    }

    /** Returns the longest run of plain characters that no number's text holds in a value (or a pattern's literal parts), or empty. */
    private static String longestRun(String text, boolean pattern) {
        if (pattern && text.indexOf('\\') >= 0) {
            // An escaped character in a pattern: left alone rather than parsed twice.
            return "";
        }
        String best = "";
        for (String part : pattern ? text.split("[*?]") : new String[] {text}) {
            Matcher m = RUN.matcher(part);
            while (m.find()) {
                String r = m.group();
                if (r.length() > best.length() && NOT_NUMERIC.matcher(r).find()) {
                    best = r;
                }
            }
        }
        return best;
    }
}
