package dev.trailhunt.esql.parser;

/**
 * Lists the lexical token kinds of ES|QL; keywords are identifiers recognised by the parser in context.
 */
enum TokenKind {
    IDENTIFIER("identifier"),
    QUOTED_IDENTIFIER("quoted identifier"),
    STRING("string"),
    INTEGER("integer"),
    DECIMAL("decimal"),
    PARAMETER("parameter"),
    PIPE("'|'"),
    COMMA("','"),
    DOT("'.'"),
    LPAREN("'('"),
    RPAREN("')'"),
    LBRACKET("'['"),
    RBRACKET("']'"),
    LBRACE("'{'"),
    RBRACE("'}'"),
    ASSIGN("'='"),
    EQ("'=='"),
    CIEQ("'=~'"),
    NEQ("'!='"),
    LT("'<'"),
    LTE("'<='"),
    GT("'>'"),
    GTE("'>='"),
    PLUS("'+'"),
    MINUS("'-'"),
    STAR("'*'"),
    SLASH("'/'"),
    PERCENT("'%'"),
    CAST("'::'"),
    COLON("':'"),
    SEMICOLON("';'"),
    /** A character no ES|QL token starts with; an error unless a FROM index pattern swallows it. */
    UNKNOWN("character"),
    /** A malformed token such as an unterminated string; carries its message. */
    ERROR("error"),
    EOF("end of query");

    private final String description;

    TokenKind(String description) {
        this.description = description;
    }

    /** Describes the kind for error messages. */
    String description() {
        return description;
    }
}
