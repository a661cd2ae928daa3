package dev.trailhunt.kql;

import java.util.List;
import java.util.Objects;

/**
 * Models a parsed KQL query as immutable records, each with the 0-based character offset where it starts.
 *
 * <p>A {@link FieldMatch}'s value is a tree of {@link Or}, {@link And}, {@link Not} and {@link Value}
 * ({@code f:(a or not b)}); a {@link Value} at query level is free text without a field.
 */
public sealed interface KqlNode permits KqlNode.Or, KqlNode.And, KqlNode.Not, KqlNode.FieldMatch,
        KqlNode.Range, KqlNode.Nested, KqlNode.Value {

    /** Returns the 0-based character offset of the node's first character in the query text. */
    int offset();

    /** Dispatches to the visitor method for this node's type. */
    <R> R accept(KqlVisitor<R> visitor);

    /** Matches when any operand matches: {@code a or b}. */
    record Or(List<KqlNode> operands, int offset) implements KqlNode {
        /** Copies the operands so the record stays immutable. */
        public Or {
            operands = List.copyOf(operands);
        }

        @Override
        public <R> R accept(KqlVisitor<R> visitor) {
            return visitor.visitOr(this);
        }
    }

    /** Matches when every operand matches: {@code a and b}. */
    record And(List<KqlNode> operands, int offset) implements KqlNode {
        /** Copies the operands so the record stays immutable. */
        public And {
            operands = List.copyOf(operands);
        }

        @Override
        public <R> R accept(KqlVisitor<R> visitor) {
            return visitor.visitAnd(this);
        }
    }

    /** Matches when the operand does not, as a bool query's must_not: {@code not a}. */
    record Not(KqlNode operand, int offset) implements KqlNode {
        /** Validates the operand. */
        public Not {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public <R> R accept(KqlVisitor<R> visitor) {
            return visitor.visitNot(this);
        }
    }

    /** Searches one field (or the fields a wildcard name matches) for a value tree: {@code f:value}. */
    record FieldMatch(Field field, KqlNode value, int offset) implements KqlNode {
        /** Validates the components. */
        public FieldMatch {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <R> R accept(KqlVisitor<R> visitor) {
            return visitor.visitFieldMatch(this);
        }
    }

    /** Compares a field with a bound: {@code f < v}, {@code f <= v}, {@code f > v}, {@code f >= v}. */
    record Range(Field field, RangeOp op, Value bound, int offset) implements KqlNode {
        /** Validates the components. */
        public Range {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(bound, "bound");
        }

        @Override
        public <R> R accept(KqlVisitor<R> visitor) {
            return visitor.visitRange(this);
        }
    }

    /** Applies a query to the objects of a nested field: {@code path:{ query }}. */
    record Nested(Field path, KqlNode query, int offset) implements KqlNode {
        /** Validates the components. */
        public Nested {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(query, "query");
        }

        @Override
        public <R> R accept(KqlVisitor<R> visitor) {
            return visitor.visitNested(this);
        }
    }

    /**
     * Holds one value as written, quoted or not.
     *
     * @param text the value with escapes resolved; an unquoted {@code *} stays {@code *}
     * @param pattern the value as an Elasticsearch wildcard pattern: unescaped {@code *} is the wildcard,
     *     and a literal {@code *}, {@code ?} or backslash is escaped with a backslash
     * @param quoted whether the value was a quoted string (a phrase on text fields, never a wildcard)
     * @param wildcard whether the pattern holds an unescaped {@code *}
     * @param offset 0-based offset of the first character
     * @param length number of characters written, quotes included
     */
    record Value(String text, String pattern, boolean quoted, boolean wildcard, int offset, int length) implements KqlNode {
        /** Validates the components. */
        public Value {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(pattern, "pattern");
        }

        @Override
        public <R> R accept(KqlVisitor<R> visitor) {
            return visitor.visitValue(this);
        }

        /** Tells whether the value is a lone {@code *}, which KQL reads as an exists test. */
        public boolean isExists() {
            return wildcard && "*".equals(pattern);
        }
    }

    /**
     * Names a field as written.
     *
     * @param name the name with escapes resolved
     * @param wildcard whether the name holds an unescaped {@code *}, matching several fields
     * @param pattern the name as a wildcard pattern (see {@link Value#pattern()})
     * @param offset 0-based offset of the first character
     */
    record Field(String name, boolean wildcard, String pattern, int offset) {
        /** Validates the components. */
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(pattern, "pattern");
        }
    }

    /** Lists the range operators with their KQL spelling. */
    enum RangeOp {
        /** {@code <} */
        LT("<"),
        /** {@code <=} */
        LTE("<="),
        /** {@code >} */
        GT(">"),
        /** {@code >=} */
        GTE(">=");

        private final String symbol;

        RangeOp(String symbol) {
            this.symbol = symbol;
        }

        /** Returns the operator as KQL writes it. */
        public String symbol() {
            return symbol;
        }
    }
}
