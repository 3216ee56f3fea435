package dev.awssim.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A hand-written recursive-descent parser for DynamoDB's expression grammar (Developer Guide,
 * "Expressions": comparison operators, functions, update expressions, projections). Keywords are
 * case-insensitive; a bare attribute name that is a reserved word is rejected.
 */
final class ExpressionParser {
  private static final Set<String> COMPARATORS = Set.of("=", "<>", "<", "<=", ">", ">=");
  private static final Set<String> CONDITION_FUNCTIONS =
      Set.of(
          "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
  private static final int MAX_IN_OPERANDS = DynamoDbLimits.MAX_IN_OPERANDS;
  private static final int MAX_DEPTH = DynamoDbLimits.MAX_NESTING_DEPTH;
  private static final int MAX_OPERATORS = DynamoDbLimits.MAX_EXPRESSION_OPERATORS;
  private static final int MAX_BYTES = DynamoDbLimits.MAX_EXPRESSION_BYTES;

  private final String text;
  private final String kind;
  private final ExpressionContext context;
  private final List<Token> tokens;
  private int index;

  /**
   * Operators and functions parsed so far: comparators, AND, OR, NOT, BETWEEN, IN, {@code +},
   * {@code -} and each function call; the {@code =} of a SET action is assignment, not an operator
   * (Constraints.html: "SET a = :val1 + :val2 + :val3 contains two '+' operators").
   */
  private int operators;

  private ExpressionParser(
      String text, String kind, ExpressionContext context, List<Token> tokens) {
    this.text = text;
    this.kind = kind;
    this.context = context;
    this.tokens = tokens;
  }

  /**
   * The tokens of {@code text}; AWS rejects an empty expression, then one over 4 KB, before
   * anything else.
   *
   * @throws DynamoDbException ValidationException for an empty, too long or malformed text
   */
  static List<Token> tokens(String text, String kind) {
    if (text.isBlank()) {
      throw Errors.validation("Invalid " + kind + ": The expression can not be empty;");
    }
    if (text.length() > MAX_BYTES / 3) {
      int bytes = Items.utf8Length(text);
      if (bytes > MAX_BYTES) {
        throw Errors.validation(
            "Invalid "
                + kind
                + ": Expression size has exceeded the maximum allowed size; expression size: "
                + bytes);
      }
    }
    return Token.tokenize(text, kind);
  }

  static Condition condition(String text, String kind, ExpressionContext context) {
    return condition(text, kind, context, tokens(text, kind));
  }

  static Condition condition(
      String text, String kind, ExpressionContext context, List<Token> tokens) {
    ExpressionParser parser = new ExpressionParser(text, kind, context, tokens);
    Condition condition = parser.or();
    parser.expectEnd();
    parser.checkOperatorCount();
    return condition;
  }

  static List<DocumentPath> projection(String text, ExpressionContext context) {
    return projection(text, context, tokens(text, "ProjectionExpression"));
  }

  static List<DocumentPath> projection(String text, ExpressionContext context, List<Token> tokens) {
    ExpressionParser parser = new ExpressionParser(text, "ProjectionExpression", context, tokens);
    List<DocumentPath> paths = new ArrayList<>();
    do {
      paths.add(parser.path());
    } while (parser.accept(","));
    parser.expectEnd();
    return paths;
  }

  static UpdateExpression update(String text, ExpressionContext context) {
    return update(text, context, tokens(text, "UpdateExpression"));
  }

  static UpdateExpression update(String text, ExpressionContext context, List<Token> tokens) {
    ExpressionParser parser = new ExpressionParser(text, "UpdateExpression", context, tokens);
    UpdateExpression.Builder update = new UpdateExpression.Builder();
    Set<String> seen = new java.util.HashSet<>();
    while (!parser.peek().kind().equals(Token.Kind.END)) {
      Token clause = parser.next();
      String name = clause.upper();
      if (clause.kind() != Token.Kind.WORD
          || !Set.of("SET", "REMOVE", "ADD", "DELETE").contains(name)) {
        throw parser.syntaxError(clause);
      }
      if (!seen.add(name)) {
        throw Errors.validation(
            "Invalid UpdateExpression: The \""
                + name
                + "\" section can only be used once in an update expression;");
      }
      do {
        parser.updateAction(name, update);
      } while (parser.accept(","));
    }
    parser.checkOperatorCount();
    return update.build();
  }

  private void updateAction(String clause, UpdateExpression.Builder update) {
    DocumentPath path = path();
    switch (clause) {
      case "SET" -> {
        expect("=");
        update.set(path, setValue());
      }
      case "REMOVE" -> update.remove(path);
      case "ADD" -> update.add(path, valueRef());
      default -> update.delete(path, valueRef());
    }
  }

  private Operand setValue() {
    Operand left = updateOperand();
    if (peek().is("+") || peek().is("-")) {
      operators++;
      boolean plus = next().is("+");
      return new Operand.Arithmetic(left, plus, updateOperand());
    }
    return left;
  }

  private Operand updateOperand() {
    Token token = peek();
    if (token.kind() == Token.Kind.WORD && lookahead(1).is("(")) {
      String function = token.text();
      next();
      expect("(");
      operators++;
      Operand result;
      if (function.equals("if_not_exists")) {
        DocumentPath path = path();
        expect(",");
        result = new Operand.IfNotExists(path, updateOperand());
      } else if (function.equals("list_append")) {
        Operand first = updateOperand();
        expect(",");
        result = new Operand.ListAppend(first, updateOperand());
      } else {
        throw Errors.validation(
            "Invalid UpdateExpression: Invalid function name; function: " + function);
      }
      expect(")");
      return result;
    }
    return operand();
  }

  private Operand valueRef() {
    Token token = next();
    if (token.kind() != Token.Kind.VALUE_REF) {
      throw syntaxError(token);
    }
    return new Operand.Literal(context.value(token.text(), kind));
  }

  private Condition or() {
    Condition left = and();
    while (accept("OR")) {
      operators++;
      left = new Condition.Or(left, and());
    }
    return left;
  }

  private Condition and() {
    Condition left = not();
    while (accept("AND")) {
      operators++;
      left = new Condition.And(left, not());
    }
    return left;
  }

  private Condition not() {
    if (accept("NOT")) {
      operators++;
      return new Condition.Not(not());
    }
    return primary();
  }

  private Condition primary() {
    if (accept("(")) {
      Condition inner = or();
      expect(")");
      return inner;
    }
    Token token = peek();
    if (token.kind() == Token.Kind.WORD
        && lookahead(1).is("(")
        && CONDITION_FUNCTIONS.contains(token.text())) {
      return function();
    }
    Operand left = operand();
    Token operator = next();
    operators++;
    if (operator.kind() == Token.Kind.PUNCT && COMPARATORS.contains(operator.text())) {
      return new Condition.Compare(left, operator.text(), operand());
    }
    if (operator.is("BETWEEN")) {
      Operand low = operand();
      expect("AND");
      return new Condition.Between(left, low, operand());
    }
    if (operator.is("IN")) {
      expect("(");
      List<Operand> candidates = new ArrayList<>();
      do {
        candidates.add(operand());
      } while (accept(","));
      expect(")");
      if (candidates.size() > MAX_IN_OPERANDS) {
        throw Errors.validation(
            "Invalid "
                + kind
                + ": The IN operator is provided with too many operands; number of operands: "
                + candidates.size());
      }
      return new Condition.In(left, candidates);
    }
    throw syntaxError(operator);
  }

  private Condition function() {
    operators++;
    String name = next().text();
    expect("(");
    DocumentPath path = path();
    Operand argument = null;
    if (!name.startsWith("attribute_") || name.equals("attribute_type")) {
      expect(",");
      argument = operand();
    }
    expect(")");
    return new Condition.Function(name, path, argument);
  }

  private Operand operand() {
    Token token = peek();
    if (token.kind() == Token.Kind.VALUE_REF) {
      next();
      return new Operand.Literal(context.value(token.text(), kind));
    }
    if (token.kind() == Token.Kind.WORD && lookahead(1).is("(")) {
      if (!token.text().equals("size")) {
        throw Errors.validation(
            "Invalid " + kind + ": Invalid function name; function: " + token.text());
      }
      next();
      expect("(");
      operators++;
      DocumentPath path = path();
      expect(")");
      return new Operand.Size(path);
    }
    return new Operand.PathOperand(path());
  }

  private DocumentPath path() {
    List<Object> elements = new ArrayList<>();
    elements.add(pathName());
    while (true) {
      if (accept(".")) {
        elements.add(pathName());
      } else if (accept("[")) {
        Token number = next();
        if (number.kind() != Token.Kind.INTEGER) {
          throw syntaxError(number);
        }
        elements.add(Integer.parseInt(number.text()));
        expect("]");
      } else {
        break;
      }
    }
    if (elements.size() > MAX_DEPTH) {
      throw Errors.validation(
          "Invalid "
              + kind
              + ": The document path has too many nesting levels; nesting levels: "
              + elements.size());
    }
    return new DocumentPath(List.copyOf(elements));
  }

  private String pathName() {
    Token token = next();
    if (token.kind() == Token.Kind.NAME_REF) {
      return context.name(token.text(), kind);
    }
    if (token.kind() != Token.Kind.WORD || Character.isDigit(token.text().charAt(0))) {
      throw syntaxError(token);
    }
    if (ReservedWords.isReserved(token.text())) {
      throw Errors.validation(
          "Invalid "
              + kind
              + ": Attribute name is a reserved keyword; reserved keyword: "
              + token.text());
    }
    return token.text();
  }

  /**
   * Rejects an expression with more than 300 operators and functions
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Constraints.html#limits-expression-parameters).
   * [SIM] AWS documents the limit, not the message; this one follows the form of its other
   * expression errors.
   */
  private void checkOperatorCount() {
    if (operators > MAX_OPERATORS) {
      throw Errors.validation(
          "Invalid "
              + kind
              + ": The expression contains too many operators; the maximum is "
              + MAX_OPERATORS
              + "; operator count: "
              + operators);
    }
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token lookahead(int offset) {
    return tokens.get(Math.min(index + offset, tokens.size() - 1));
  }

  private Token next() {
    Token token = tokens.get(index);
    if (token.kind() != Token.Kind.END) {
      index++;
    }
    return token;
  }

  private boolean accept(String symbol) {
    if (peek().is(symbol)) {
      index++;
      return true;
    }
    return false;
  }

  private void expect(String symbol) {
    Token token = next();
    if (!token.is(symbol)) {
      throw syntaxError(token);
    }
  }

  private void expectEnd() {
    if (peek().kind() != Token.Kind.END) {
      throw syntaxError(peek());
    }
  }

  private DynamoDbException syntaxError(Token token) {
    return Token.syntax(kind, token.text(), text);
  }
}
