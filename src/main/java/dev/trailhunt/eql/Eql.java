package dev.trailhunt.eql;

import dev.trailhunt.eql.ast.EqlExpr;
import dev.trailhunt.eql.ast.EqlQuery;
import dev.trailhunt.eql.ast.FieldName;
import dev.trailhunt.eql.ast.Position;
import dev.trailhunt.eql.ast.Step;
import dev.trailhunt.esql.ast.BinaryOp;
import dev.trailhunt.esql.ast.Binary;
import dev.trailhunt.esql.ast.Expr;
import dev.trailhunt.esql.ast.FieldRef;
import dev.trailhunt.esql.ast.FunctionCall;
import dev.trailhunt.esql.ast.Literal;
import dev.trailhunt.esql.ast.LiteralType;
import dev.trailhunt.esql.ast.Source;
import dev.trailhunt.model.EcsColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * Offers the EQL front-end: parse a query, then lower its conditions into ES|QL expressions the translator renders.
 */
public final class Eql {
    /** Names the field Elasticsearch reads the event category from unless a rule overrides it. */
    public static final String DEFAULT_CATEGORY_FIELD = "event.category";

    private Eql() {}

    /**
     * Holds a lowered condition and the fields it names that the store lacks (treated as missing).
     *
     * @param filter the ES|QL condition, never null-valued
     * @param unknownFields the fields the store has no column for, in the order they appear
     */
    public record Lowered(Expr filter, List<FieldName> unknownFields) {
        /** Copies the list. */
        public Lowered {
            unknownFields = List.copyOf(unknownFields);
        }
    }

    /** Parses EQL text; throws {@link EqlException} with line:column and a caret when it is invalid or unsupported. */
    public static EqlQuery parse(String text) {
        return EqlParser.parse(text);
    }

    /** Lowers a single-event query with its category test on {@code categoryField} ({@code any} adds none). */
    public static Expr toFilter(EqlQuery.Single q, String categoryField) {
        return lower(q, categoryField).filter();
    }

    /** Lowers one step (or the until step) of {@code sequence}, as {@link #toFilter(EqlQuery.Single, String)} does. */
    public static Expr toFilter(EqlQuery.Sequence sequence, Step step, String categoryField) {
        return lower(sequence, step, categoryField).filter();
    }

    /** Lowers a single-event query and reports the fields the store lacks. */
    public static Lowered lower(EqlQuery.Single q, String categoryField) {
        return lower(q.text(), q.category(), q.condition(), q.position(), categoryField);
    }

    /** Lowers one step of {@code sequence} and reports the fields the store lacks, join keys included. */
    public static Lowered lower(EqlQuery.Sequence sequence, Step step, String categoryField) {
        Lowered l = lower(sequence.text(), step.category(), step.condition(), step.position(), categoryField);
        List<FieldName> unknown = new ArrayList<>(l.unknownFields());
        for (FieldName key : sequence.keysOf(step)) {
            if (StoreFields.column(key.name()) == null && !key.optional() && !unknown.contains(key)) {
                unknown.add(key);
            }
        }
        return new Lowered(l.filter(), unknown);
    }

    /** Returns the store columns a sequence step's join keys read, in key order; null for a key the store lacks. */
    public static List<EcsColumn> keyColumns(EqlQuery.Sequence sequence, Step step) {
        return sequence.keysOf(step).stream().map(k -> StoreFields.column(k.name())).toList();
    }

    private static Lowered lower(String text, String category, EqlExpr condition, Position at, String categoryField) {
        List<FieldName> unknown = new ArrayList<>();
        Expr filter = new ConditionLowering(text, unknown).lower(condition);
        if (category != null) {
            Source s = EsqlNodes.src(at);
            if (StoreFields.column(categoryField) == null) {
                unknown.add(new FieldName(categoryField, false, at));
            }
            Expr test = categoryTest(category, categoryField, s);
            filter = new Binary(BinaryOp.AND, test, filter, s);
        }
        return new Lowered(filter, unknown);
    }

    /** Tests the category as Elasticsearch does: a case-sensitive term query on the category field, any value. */
    private static Expr categoryTest(String category, String categoryField, Source s) {
        EcsColumn col = StoreFields.column(categoryField);
        if (col == null) {
            return new Literal(false, LiteralType.BOOLEAN, s);
        }
        Expr field = new FieldRef(categoryField, s);
        return new FunctionCall("$term", List.of(field, new Literal(category, LiteralType.KEYWORD, s)), false, s);
    }
}
