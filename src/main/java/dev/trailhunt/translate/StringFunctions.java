package dev.trailhunt.translate;

import static dev.trailhunt.translate.ArgKind.NUMBER;
import static dev.trailhunt.translate.ArgKind.STRING;
import static dev.trailhunt.translate.FunctionSql.fn;
import static dev.trailhunt.translate.FunctionSql.typed;

import dev.trailhunt.esql.ast.Node;
import dev.trailhunt.model.ValueType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Declares ES|QL's string functions: case, length, search, slicing, joining, replacing and encoding. */
final class StringFunctions {
    private StringFunctions() {}

    static void register(FunctionRegistry.Builder r) {
        r.scalar("to_lower").args(STRING).returns(ValueType.KEYWORD).duckdb(c -> caseMap(c, "lower")).trino(c -> trinoCaseMap(c, "lower"));
        r.scalar("to_upper").args(STRING).returns(ValueType.KEYWORD).duckdb(c -> caseMap(c, "upper")).trino(c -> trinoCaseMap(c, "upper"));
        r.scalar("length").args(STRING).returns(ValueType.INTEGER)
                .duckdb(c -> Typed.of(DSL.cast(fn("length", ValueType.LONG, c.arg(0).field()), SQLDataType.INTEGER), ValueType.INTEGER))
                .trinoAsDuckdb();
        r.template("byte_length", "CAST(strlen({0}) AS INTEGER)", ValueType.INTEGER, STRING);
        r.template("bit_length", "CAST(strlen({0}) * 8 AS INTEGER)", ValueType.INTEGER, STRING);
        r.rename("starts_with", "starts_with", ValueType.BOOLEAN, STRING, STRING)
                .trino(c -> typed("starts_with({0}, {1})", ValueType.BOOLEAN, c.arg(0).field(), c.arg(1).field()));
        // Trino 435 has no ends_with and no string contains.
        r.rename("ends_with", "suffix", ValueType.BOOLEAN, STRING, STRING)
                .trino(c -> typed("starts_with(reverse({0}), reverse({1}))", ValueType.BOOLEAN, c.arg(0).field(), c.arg(1).field()));
        r.rename("contains", "contains", ValueType.BOOLEAN, STRING, STRING)
                .trino(c -> typed("(strpos({0}, {1}) > 0)", ValueType.BOOLEAN, c.arg(0).field(), c.arg(1).field()));
        r.rename("left", "left", ValueType.KEYWORD, STRING, NUMBER);
        r.rename("right", "right", ValueType.KEYWORD, STRING, NUMBER);
        r.scalar("substring").args(STRING, NUMBER).optional(NUMBER).returns(ValueType.KEYWORD).duckdb(StringFunctions::substring);
        r.scalar("locate").args(STRING, STRING).optional(NUMBER).returns(ValueType.INTEGER).duckdb(StringFunctions::locate).trinoAsDuckdb();
        r.scalar("concat").args(STRING, STRING).rest(STRING).returns(ValueType.KEYWORD).duckdb(StringFunctions::concat).trinoAsDuckdb();
        r.scalar("trim").args(STRING).returns(ValueType.KEYWORD).duckdb(c -> trim(c, "^\\s+|\\s+$"));
        r.scalar("ltrim").args(STRING).returns(ValueType.KEYWORD).duckdb(c -> trim(c, "^\\s+"));
        r.scalar("rtrim").args(STRING).returns(ValueType.KEYWORD).duckdb(c -> trim(c, "\\s+$"));
        r.scalar("split").args(STRING, STRING).returns(ValueType.KEYWORD)
                .duckdb(c -> Typed.list(fn("string_split", ValueType.KEYWORD, c.arg(0).field(), c.arg(1).field()), ValueType.KEYWORD));
        r.scalar("replace").args(STRING, STRING, STRING).returns(ValueType.KEYWORD).duckdb(StringFunctions::replace).trino(StringFunctions::trinoReplace);
        // Elasticsearch answers null for a negative count or a result over 1 MB. The count given to
        // repeat() is bounded too: DuckDB folds constant arguments before the CASE picks its branch,
        // and REPEAT("ab", 2147483647) built a 4 GB string in ~14 CPU-seconds before answering null.
        r.template("repeat", "CASE WHEN {1} < 0 OR length({0}) * {1} > 1048576 THEN NULL"
                + " ELSE repeat({0}, CASE WHEN {1} < 0 OR length({0}) * {1} > 1048576 THEN 0 ELSE {1} END) END",
                ValueType.KEYWORD, STRING, NUMBER);
        r.template("space", "CASE WHEN {0} < 0 OR {0} > 1048576 THEN NULL"
                + " ELSE repeat(' ', CASE WHEN {0} < 0 OR {0} > 1048576 THEN 0 ELSE {0} END) END", ValueType.KEYWORD, NUMBER);
        r.scalar("reverse").args(STRING).returns(ValueType.KEYWORD).duckdb(StringFunctions::reverse);
        r.template("to_base64", "to_base64(encode({0}))", ValueType.KEYWORD, STRING);
        r.scalar("from_base64").args(STRING).returns(ValueType.KEYWORD).duckdb(StringFunctions::fromBase64);
        // Java's URLDecoder reads '+' as a space and rejects a '%' without two hex digits.
        r.template("url_decode", "CASE WHEN regexp_matches({0}, '%([^0-9A-Fa-f]|[0-9A-Fa-f][^0-9A-Fa-f]|[0-9A-Fa-f]?$)') THEN NULL "
                + "ELSE try(url_decode(replace({0}, '+', ' '))) END", ValueType.KEYWORD, STRING).with(FunctionDef.Trait.EACH_VALUE);
        // Elasticsearch keeps RFC 3986's unreserved characters and writes a space as '+'.
        r.template("url_encode", "replace(url_encode({0}), '%20', '+')", ValueType.KEYWORD, STRING).with(FunctionDef.Trait.EACH_VALUE);
        r.template("url_encode_component", "url_encode({0})", ValueType.KEYWORD, STRING).with(FunctionDef.Trait.EACH_VALUE);
    }

    private static Typed caseMap(Call c, String fn) {
        Typed t = c.raw(0);
        if (t.multiValued()) {
            return Typed.list(DSL.field("list_transform({0}, lambda v: " + fn + "(v))", Object.class, t.field()), ValueType.KEYWORD);
        }
        return Typed.of(fn(fn, ValueType.KEYWORD, c.arg(0).field()), ValueType.KEYWORD);
    }

    private static Typed trinoCaseMap(Call c, String fn) {
        if (c.raw(0).multiValued()) {
            throw Errors.unsupportedOn(c.session().dialect(), c.upperName() + " of a multi-valued field", c.node());
        }
        return Typed.of(fn(fn, ValueType.KEYWORD, c.arg(0).field()), ValueType.KEYWORD);
    }

    /** Replaces on Trino, whose regexp_replace reads a Java replacement ($1, \$) as Elasticsearch does. */
    private static Typed trinoReplace(Call c) {
        Typed replacementArg = c.raw(2);
        if (replacementArg.isNullConstant()) {
            return Typed.literal(null, ValueType.KEYWORD);
        }
        String replacement = c.constantString(2);
        javaReplacement(replacement, c.node());
        if (c.raw(1).isStringConstant()) {
            try {
                Pattern.compile((String) c.raw(1).value());
            } catch (PatternSyntaxException e) {
                return Typed.literal(null, ValueType.KEYWORD);
            }
        }
        return Typed.of(fn("regexp_replace", ValueType.KEYWORD, c.arg(0).field(), c.arg(1).field(), DSL.inline(replacement)),
                ValueType.KEYWORD);
    }

    private static Typed substring(Call c) {
        Field<?> s = c.arg(0).field();
        // ES|QL treats a start of 0 like 1; DuckDB would return an empty prefix.
        Field<?> start = DSL.field("CASE WHEN {0} = 0 THEN 1 ELSE {0} END", SQLDataType.BIGINT, c.arg(1).field());
        if (c.size() == 2) {
            return Typed.of(fn("substring", ValueType.KEYWORD, s, start), ValueType.KEYWORD);
        }
        return Typed.of(fn("substring", ValueType.KEYWORD, s, start, c.arg(2).field()), ValueType.KEYWORD);
    }

    private static Typed locate(Call c) {
        Field<?> s = c.arg(0).field();
        Field<?> sub = c.arg(1).field();
        if (c.size() == 2) {
            return Typed.of(DSL.cast(fn("strpos", ValueType.LONG, s, sub), SQLDataType.INTEGER), ValueType.INTEGER);
        }
        Field<?> start = DSL.field("greatest({0}, 1)", SQLDataType.BIGINT, c.arg(2).field());
        return typed("CAST(CASE WHEN strpos(substring({0}, {2}), {1}) = 0 THEN 0 ELSE strpos(substring({0}, {2}), {1}) + {2} - 1 END AS INTEGER)",
                ValueType.INTEGER, s, sub, start);
    }

    private static Typed concat(Call c) {
        List<Typed> a = c.raw();
        if (a.stream().allMatch(Typed::isStringConstant)) {
            // Constant arguments fold into one constant, which functions wanting a constant pattern accept.
            StringBuilder folded = new StringBuilder();
            a.forEach(x -> folded.append((String) x.value()));
            return Typed.literal(folded.toString(), ValueType.KEYWORD);
        }
        List<Field<?>> parts = new ArrayList<>();
        StringBuilder t = new StringBuilder("(");
        for (int i = 0; i < a.size(); i++) {
            parts.add(c.arg(i).field());
            t.append(i == 0 ? "" : " || ").append('{').append(i).append('}');
        }
        // || rather than concat(): ES|QL's CONCAT is null when any argument is null.
        Typed joined = typed(t.append(')').toString(), ValueType.KEYWORD, parts.toArray(Field<?>[]::new));
        if (a.stream().allMatch(Typed::isKnownString)) {
            // Columns known to hold one text keep the joined text known too.
            StringBuilder known = new StringBuilder();
            a.forEach(x -> known.append((String) x.value()));
            return new Typed(joined.field(), ValueType.KEYWORD, false, false, known.toString());
        }
        return joined;
    }

    private static Typed trim(Call c, String re) {
        return Typed.of(fn("regexp_replace", ValueType.KEYWORD, c.arg(0).field(), DSL.inline(re), DSL.inline(""), DSL.inline("g")),
                ValueType.KEYWORD);
    }

    private static Typed replace(Call c) {
        Typed replacementArg = c.raw(2);
        if (!replacementArg.isStringConstant() && !replacementArg.isNullConstant()) {
            // Without $ or \ a Java replacement is literal text, and so is RE2's; other texts fail the query.
            Field<?> checked = DSL.field("CASE WHEN strpos({0}, '$') > 0 OR strpos({0}, chr(92)) > 0 "
                    + "THEN error('unsupported: a REPLACE replacement read from a row that holds $ or a backslash') ELSE {0} END",
                    Object.class, c.arg(2).field());
            return Typed.of(fn("regexp_replace", ValueType.KEYWORD, c.arg(0).field(), c.arg(1).field(), checked, DSL.inline("g")),
                    ValueType.KEYWORD);
        }
        if (replacementArg.isNullConstant()) {
            return Typed.literal(null, ValueType.KEYWORD);
        }
        String replacement = javaReplacement(c.constantString(2), c.node());
        if (c.raw(1).isStringConstant()) {
            try {
                Pattern.compile((String) c.raw(1).value());
            } catch (PatternSyntaxException e) {
                // Elasticsearch answers null (with a warning) for a regex it cannot compile.
                return Typed.literal(null, ValueType.KEYWORD);
            }
        }
        return Typed.of(fn("regexp_replace", ValueType.KEYWORD, c.arg(0).field(), c.arg(1).field(),
                DSL.inline(replacement), DSL.inline("g")), ValueType.KEYWORD);
    }

    /** Converts a Java replacement string ({@code $1}, {@code \$}) to RE2's ({@code \1}). */
    private static String javaReplacement(String rep, Node at) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rep.length(); i++) {
            char ch = rep.charAt(i);
            if (ch == '\\' && i + 1 < rep.length()) {
                char e = rep.charAt(++i);
                sb.append(e == '\\' ? "\\\\" : String.valueOf(e));
            } else if (ch == '$') {
                int j = i + 1;
                while (j < rep.length() && Character.isDigit(rep.charAt(j))) {
                    j++;
                }
                if (j == i + 1) {
                    throw Errors.unsupported("REPLACE replacement with named group", at);
                }
                sb.append('\\').append(rep, i + 1, j);
                i = j - 1;
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static Typed reverse(Call c) {
        if (c.raw(0).type() == ValueType.NULL) {
            // REVERSE keeps its argument's type, so a null argument gives a null-typed result.
            return Typed.literal(null, ValueType.NULL);
        }
        return Typed.of(fn("reverse", ValueType.KEYWORD, c.arg(0).field()), ValueType.KEYWORD);
    }

    private static Typed fromBase64(Call c) {
        Typed t = c.raw(0);
        if (t.isStringConstant()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode((String) t.value());
            } catch (IllegalArgumentException e) {
                throw c.unsupported("FROM_BASE64 of text that is not base64");
            }
            try {
                return Typed.literal(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString(), ValueType.KEYWORD);
            } catch (CharacterCodingException e) {
                throw c.unsupported("FROM_BASE64 of bytes that are not UTF-8");
            }
        }
        // Bytes that are not UTF-8 make DuckDB's decode fail the query rather than answer with altered text.
        return typed("decode(from_base64({0}))", ValueType.KEYWORD, c.arg(0).field());
    }
}
