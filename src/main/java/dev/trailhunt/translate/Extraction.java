package dev.trailhunt.translate;

import static dev.trailhunt.translate.Pipeline.ref;
import static dev.trailhunt.translate.Pipeline.refs;

import dev.trailhunt.esql.ast.Command;
import dev.trailhunt.esql.ast.Dissect;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.Grok;
import dev.trailhunt.model.ValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Translates DISSECT and GROK: each becomes a regular expression with capture groups, matched once
 * per row into a struct by one stage, whose groups the next stage turns into the output columns.
 */
final class Extraction {
    /**
     * Caps the columns one DISSECT or GROK may add, far above real patterns: each is a capture group
     * extracted for every row, so thousands of them exhaust memory.
     */
    static final int MAX_OUTPUTS = 256;

    private final Pipeline in;
    private final Session session;

    Extraction(Pipeline in, Session session) {
        this.in = in;
        this.session = session;
    }

    Pipeline dissect(Dissect d) {
        Typed input = input(d.input(), d, "DISSECT");
        DissectPattern p;
        try {
            p = DissectPattern.parse(d.pattern(), d.appendSeparator());
        } catch (IllegalArgumentException e) {
            throw Errors.semantic(e.getMessage(), d);
        }
        if (p.outputs().isEmpty()) {
            return in;
        }
        requireFew(p.outputs().size(), d, "DISSECT");
        List<Column> outCols = new ArrayList<>();
        List<Field<?>> outFields = new ArrayList<>();
        for (DissectPattern.Output o : p.outputs()) {
            outCols.add(new Column(o.name(), ValueType.KEYWORD, false));
            Field<?> value = null;
            for (int g : o.groups()) {
                Field<?> piece = group(g, input.multiValued(), p.regex());
                value = value == null ? piece
                        : DSL.field("({0} || {1} || {2})", String.class, value, DSL.inline(p.appendSeparator()), piece);
            }
            outFields.add(value);
        }
        return extract(d, input, p.regex(), p.groupCount(), outCols, outFields);
    }

    Pipeline grok(Grok g) {
        Typed input = input(g.input(), g, "GROK");
        GrokPattern p;
        try {
            // Several patterns are alternatives tried in order, as Elasticsearch combines them.
            Set<String> seen = new HashSet<>();
            for (String one : g.patterns()) {
                for (GrokPattern.Field f : GrokPattern.compile(one).fields()) {
                    if (g.patterns().size() > 1 && !seen.add(f.name())) {
                        throw new IllegalArgumentException("GROK patterns sharing the field " + f.name());
                    }
                }
            }
            p = GrokPattern.compile(g.patterns().size() == 1 ? g.patterns().get(0)
                    : String.join("|", g.patterns().stream().map(x -> "(?:" + x + ")").toList()));
        } catch (IllegalArgumentException e) {
            throw Errors.unsupported(e.getMessage(), g);
        }
        requireFew(p.fields().size(), g, "GROK");
        Re2.requireValid(p.regex(), "GROK pattern", g);
        List<Column> outCols = new ArrayList<>();
        List<Field<?>> outFields = new ArrayList<>();
        for (GrokPattern.Field f : p.fields()) {
            String cast = switch (f.type()) {
                case INTEGER -> "try_cast(%s AS INTEGER)";
                case LONG -> "try_cast(%s AS BIGINT)";
                case DOUBLE -> "try_cast(%s AS DOUBLE)";
                case BOOLEAN -> "(lower(%s) = 'true')";
                default -> "%s";
            };
            // RE2 reports a group that did not take part as ''; grok leaves such a field unset.
            List<Field<?>> pieces = new ArrayList<>();
            for (int group : f.groups()) {
                pieces.add(DSL.function("nullif", String.class, group(group, input.multiValued(), p.regex()), DSL.inline("")));
            }
            if (pieces.size() == 1) {
                outCols.add(new Column(f.name(), f.type(), false));
                outFields.add(DSL.field(cast.replace("%s", "{0}"), SqlTypes.of(f.type()), pieces.get(0)));
            } else {
                session.requireDuckdb(g, "GROK with a field captured twice");
                outCols.add(new Column(f.name(), f.type(), true));
                Field<?> list = DSL.function("list_value", Object.class, pieces.toArray(Field<?>[]::new));
                outFields.add(DSL.field("list_transform(list_filter({0}, lambda v: v IS NOT NULL), lambda v: " + cast.replace("%s", "v") + ")",
                        Object.class, list));
            }
        }
        return extract(g, input, p.regex(), p.groupCount(), outCols, outFields);
    }

    private static void requireFew(int outputs, Command at, String command) {
        if (outputs > MAX_OUTPUTS) {
            throw Errors.semantic("query too large: " + command + " with " + outputs + " keys, more than " + MAX_OUTPUTS, at);
        }
    }

    private Typed input(Expr input, Command at, String command) {
        Typed in = new ExpressionTranslator(this.in.scope(), session, null).translate(input);
        if (!in.isNullConstant() && (in.isSpan() || !(SqlTypes.isString(in.type()) || in.type() == ValueType.NULL))) {
            throw Errors.semantic(command + " only supports KEYWORD or TEXT values, found expression [" + input.source().text()
                    + "] type [" + in.typeName() + "]", at);
        }
        return in;
    }

    /**
     * Returns capture group {@code g} of the struct an extraction stage computed; for a multi-valued
     * input the struct is the lambda variable of a {@code list_transform} over the matched values.
     * On Trino the stage keeps the matching text itself, and each group is extracted from it.
     */
    private Field<?> group(int g, boolean multiValued, String regex) {
        if (session.trino()) {
            return DSL.function("regexp_extract", String.class, ref(HiddenNames.EXTRACT), DSL.inline(regex), DSL.inline(g));
        }
        Field<?> struct = multiValued ? DSL.field(DSL.name(HiddenNames.STRUCT)) : ref(HiddenNames.EXTRACT);
        return DSL.function("struct_extract", String.class, struct, DSL.inline("g" + g));
    }

    /**
     * Adds the two stages of DISSECT and GROK: one matches {@code regex} once per row into a struct
     * (null when it does not match, so every output is null and the row stays), the next appends
     * the outputs, replacing columns of the same names.
     */
    private Pipeline extract(Command at, Typed input, String regex, int groupCount, List<Column> outCols, List<Field<?>> outFields) {
        List<Field<?>> names = new ArrayList<>();
        for (int g = 1; g <= groupCount; g++) {
            names.add(DSL.inline("g" + g));
        }
        Field<?> re = DSL.inline(regex);
        Field<?> nameList = DSL.function("list_value", Object.class, names.toArray(Field<?>[]::new));
        // regexp_extract yields '' for every group when nothing matches; ES|QL yields null.
        String match = "CASE WHEN regexp_matches({0}, {1}) THEN regexp_extract({0}, {1}, {2}) END";
        Field<?> struct = DSL.field(match, Object.class, input.field(), re, nameList);
        if (session.trino()) {
            if (input.multiValued()) {
                throw Errors.unsupportedOn(session.dialect(), at.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT)
                        + " of a multi-valued field", at);
            }
            // Trino has no struct-returning regexp_extract: keep the text when it matches, extract each group next.
            struct = DSL.field("CASE WHEN regexp_like({0}, {1}) THEN {0} END", String.class, input.field(), re);
        }
        if (input.multiValued()) {
            // Each value is matched on its own; values that do not match contribute nothing.
            Field<?> one = DSL.field(match, Object.class, DSL.field(DSL.name(HiddenNames.VALUE)), re, nameList);
            struct = DSL.field("list_filter(list_transform({0}, lambda \"" + HiddenNames.VALUE + "\": {1}), lambda \""
                    + HiddenNames.MATCH + "\": \"" + HiddenNames.MATCH + "\" IS NOT NULL)", Object.class, input.field(), one);
            List<Column> cols = new ArrayList<>();
            List<Field<?>> fields = new ArrayList<>();
            for (int i = 0; i < outCols.size(); i++) {
                Column c = outCols.get(i);
                String each = "list_transform({0}, lambda \"" + HiddenNames.STRUCT + "\": {1})";
                String collect = c.multiValued() ? "flatten(" + each + ")" : each;
                fields.add(DSL.field("list_filter(" + collect + ", lambda \"" + HiddenNames.OUTPUT + "\": \"" + HiddenNames.OUTPUT
                        + "\" IS NOT NULL)", Object.class, ref(HiddenNames.EXTRACT), outFields.get(i)));
                cols.add(new Column(c.name(), c.type(), true));
            }
            outCols = cols;
            outFields = fields;
        }
        List<Column> withStruct = new ArrayList<>(in.columns());
        List<Field<?>> exprs = refs(in.columns());
        withStruct.add(new Column(HiddenNames.EXTRACT, ValueType.UNSUPPORTED, false));
        exprs.add(struct);
        Pipeline matched = in.select(at, withStruct, exprs, true);
        List<Column> next = new ArrayList<>(matched.columns());
        List<Column> outputs = outCols;
        next.removeIf(c -> c.name().equals(HiddenNames.EXTRACT) || outputs.stream().anyMatch(o -> o.name().equals(c.name())));
        List<Field<?>> out = refs(next);
        next.addAll(outCols);
        out.addAll(outFields);
        return matched.select(at, next, out, true);
    }
}
