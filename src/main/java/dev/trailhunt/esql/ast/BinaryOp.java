package dev.trailhunt.esql.ast;

/**
 * Lists the binary operators with their ES|QL spelling, grouped into comparison, arithmetic and logic.
 */
public enum BinaryOp {
    /** Equality {@code ==}. */
    EQ("==", Group.COMPARISON),
    /** Inequality {@code !=}. */
    NEQ("!=", Group.COMPARISON),
    /** Less than {@code <}. */
    LT("<", Group.COMPARISON),
    /** Less than or equal {@code <=}. */
    LTE("<=", Group.COMPARISON),
    /** Greater than {@code >}. */
    GT(">", Group.COMPARISON),
    /** Greater than or equal {@code >=}. */
    GTE(">=", Group.COMPARISON),
    /** Addition {@code +}. */
    ADD("+", Group.ARITHMETIC),
    /** Subtraction {@code -}. */
    SUB("-", Group.ARITHMETIC),
    /** Multiplication {@code *}. */
    MUL("*", Group.ARITHMETIC),
    /** Division {@code /}, truncating for integers. */
    DIV("/", Group.ARITHMETIC),
    /** Remainder {@code %}. */
    MOD("%", Group.ARITHMETIC),
    /** Three-valued conjunction {@code AND}. */
    AND("AND", Group.LOGICAL),
    /** Three-valued disjunction {@code OR}. */
    OR("OR", Group.LOGICAL);

    /** Tells what kind of operator this is. */
    public enum Group { COMPARISON, ARITHMETIC, LOGICAL }

    private final String symbol;
    private final Group group;

    BinaryOp(String symbol, Group group) {
        this.symbol = symbol;
        this.group = group;
    }

    /** Returns the operator as ES|QL writes it. */
    public String symbol() {
        return symbol;
    }

    /** Returns whether the operator compares, computes or combines booleans. */
    public Group group() {
        return group;
    }
}
