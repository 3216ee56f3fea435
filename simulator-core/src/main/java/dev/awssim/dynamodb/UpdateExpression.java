package dev.awssim.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A parsed UpdateExpression (Developer Guide, "Update expressions"): every right-hand side is
 * evaluated against the item as it was before the update, then the actions apply together.
 */
final class UpdateExpression {
  private enum Verb {
    SET,
    REMOVE,
    ADD,
    DELETE
  }

  private record Action(Verb verb, DocumentPath path, Operand operand) {}

  private final List<Action> actions;

  private UpdateExpression(List<Action> actions) {
    this.actions = actions;
  }

  /** This update with each action's operand replaced by {@code operands} (paths unchanged). */
  UpdateExpression withOperands(UnaryOperator<Operand> operands) {
    List<Action> rebound = new ArrayList<>(actions.size());
    for (Action action : actions) {
      rebound.add(
          new Action(
              action.verb,
              action.path,
              action.operand == null ? null : operands.apply(action.operand)));
    }
    return new UpdateExpression(List.copyOf(rebound));
  }

  /** The top-level attribute names this update changes. */
  Set<String> topLevelNames() {
    Set<String> names = new LinkedHashSet<>();
    for (Action action : actions) {
      names.add(action.path.first());
    }
    return names;
  }

  /** The item after the update; {@code item} is not changed. */
  Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
    List<AttributeValue> results = new ArrayList<>(actions.size());
    for (Action action : actions) {
      results.add(evaluate(action, item));
    }
    Map<String, AttributeValue> updated = new LinkedHashMap<>(item);
    for (int i = actions.size() - 1; i >= 0; i--) {
      Action action = actions.get(i);
      Map<String, AttributeValue> next =
          PathWriter.write(updated, action.path, results.get(i), action.verb == Verb.SET);
      if (next == null) {
        throw Errors.validation(
            "The document path provided in the update expression is invalid for update");
      }
      updated = next;
    }
    return updated;
  }

  private static AttributeValue evaluate(Action action, Map<String, AttributeValue> item) {
    return switch (action.verb) {
      case SET -> action.operand.eval(item);
      case REMOVE -> null;
      case ADD -> add(action.path.get(item), action.operand.eval(item));
      case DELETE -> delete(action.path.get(item), action.operand.eval(item));
    };
  }

  private static AttributeValue add(AttributeValue current, AttributeValue operand) {
    if (operand.type() != AttributeValue.Type.N && !operand.isSet()) {
      throw Errors.validation(
          "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: "
              + typeName(operand));
    }
    if (current == null) {
      return operand;
    }
    if (current.type() != operand.type()) {
      throw Errors.validation("An operand in the update expression has an incorrect data type");
    }
    if (current.type() == AttributeValue.Type.N) {
      return AttributeValue.n(Numbers.canonical(Numbers.add(current.number(), operand.number())));
    }
    Set<Object> union = new LinkedHashSet<>(current.setMembers());
    union.addAll(operand.setMembers());
    return AttributeValue.setOf(current.type(), new ArrayList<>(union));
  }

  private static AttributeValue delete(AttributeValue current, AttributeValue operand) {
    if (!operand.isSet()) {
      throw Errors.validation(
          "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: "
              + typeName(operand));
    }
    if (current == null) {
      return null;
    }
    if (current.type() != operand.type()) {
      throw Errors.validation("An operand in the update expression has an incorrect data type");
    }
    Set<Object> remaining = new LinkedHashSet<>(current.setMembers());
    operand.setMembers().forEach(remaining::remove);
    return remaining.isEmpty()
        ? null
        : AttributeValue.setOf(current.type(), new ArrayList<>(remaining));
  }

  private static String typeName(AttributeValue value) {
    return switch (value.type()) {
      case S -> "STRING";
      case N -> "NUMBER";
      case B -> "BINARY";
      case BOOL -> "BOOLEAN";
      case NULL -> "NULL";
      case M -> "MAP";
      case L -> "LIST";
      default -> value.type().name();
    };
  }

  /** Collects the actions of the clauses, rejecting overlapping paths. */
  static final class Builder {
    private final List<Action> actions = new ArrayList<>();

    void set(DocumentPath path, Operand value) {
      addAction(new Action(Verb.SET, path, value));
    }

    void remove(DocumentPath path) {
      addAction(new Action(Verb.REMOVE, path, null));
    }

    void add(DocumentPath path, Operand value) {
      addAction(new Action(Verb.ADD, path, value));
    }

    void delete(DocumentPath path, Operand value) {
      addAction(new Action(Verb.DELETE, path, value));
    }

    private void addAction(Action action) {
      for (Action other : actions) {
        if (other.path.overlaps(action.path)) {
          throw Errors.validation(
              "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: ["
                  + other.path
                  + "], path two: ["
                  + action.path
                  + "]");
        }
      }
      actions.add(action);
    }

    UpdateExpression build() {
      return new UpdateExpression(List.copyOf(actions));
    }
  }
}
