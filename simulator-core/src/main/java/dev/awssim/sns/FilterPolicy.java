package dev.awssim.sns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A parsed, validated subscription filter policy and its matcher
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-subscription-filter-policies.html and the pages it
 * links: string-value-matching, numeric-value-matching, attribute-key-matching, and-or-logic,
 * subscription-filter-policy-constraints).
 *
 * <p>A policy is an AND over its keys and an OR over the values of one key; {@code $or} (an array
 * of at least two objects) ORs whole sub-policies. Validation errors carry AWS's own reasons
 * ({@code Empty arrays are not allowed}, {@code Unrecognized match type ...}, ...).
 */
final class FilterPolicy {
  private static final String OR = "$or";
  private static final Set<String> OPERATORS =
      Set.of("prefix", "suffix", "equals-ignore-case", "anything-but", "numeric", "exists", "cidr");

  /** Numbers compare with five digits of accuracy after the decimal point (constraints page). */
  private static final int NUMERIC_SCALE = 5;

  private final Node root;
  private final FilterPolicyScope scope;

  private FilterPolicy(Node root, FilterPolicyScope scope) {
    this.root = root;
    this.scope = scope;
  }

  FilterPolicyScope scope() {
    return scope;
  }

  /**
   * Parses and validates {@code text}.
   *
   * @throws SnsException InvalidParameter with AWS's reason
   */
  static FilterPolicy parse(String text, FilterPolicyScope scope, SnsLimits limits) {
    if (Utf8.length(text) > limits.maxFilterPolicyBytes()) {
      throw SnsErrors.invalidFilterPolicy("Filter policy is too large");
    }
    Object json;
    try {
      json = Json.parse(text);
    } catch (Json.MalformedJson e) {
      throw SnsErrors.invalidFilterPolicy("failed to parse JSON. " + e.getMessage());
    }
    if (!(json instanceof Map<?, ?> map)) {
      throw SnsErrors.invalidFilterPolicy("Filter policy must be a JSON object");
    }
    Node root = node(asObject(map), scope, 1);
    Set<String> keys = new LinkedHashSet<>();
    root.topLevelKeys(keys);
    if (keys.size() > limits.maxFilterPolicyKeys()) {
      throw SnsErrors.invalidFilterPolicy(
          "Filter policy can not have more than " + limits.maxFilterPolicyKeys() + " keys");
    }
    if (root.combinations() > limits.maxFilterPolicyCombinations()) {
      throw SnsErrors.invalidFilterPolicy("Filter policy is too complex");
    }
    return new FilterPolicy(root, scope);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asObject(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  private static Node node(Map<String, Object> object, FilterPolicyScope scope, int depth) {
    Map<String, Object> fields = new LinkedHashMap<>();
    List<List<Node>> ors = new ArrayList<>();
    for (Map.Entry<String, Object> e : object.entrySet()) {
      String key = e.getKey();
      Object value = e.getValue();
      if (key.equals(OR) && isOr(value)) {
        List<Node> branches = new ArrayList<>();
        for (Object branch : (List<?>) value) {
          branches.add(node(asObject((Map<?, ?>) branch), scope, depth));
        }
        ors.add(branches);
      } else if (value instanceof List<?> list) {
        fields.put(key, leaf(key, list));
      } else if (value instanceof Map<?, ?> nested) {
        if (scope == FilterPolicyScope.MESSAGE_ATTRIBUTES) {
          throw SnsErrors.invalidFilterPolicy(
              "Filter policy scope MessageAttributes does not support nested filter policy");
        }
        fields.put(key, node(asObject(nested), scope, depth + 1));
      } else {
        throw SnsErrors.invalidFilterPolicy("\"" + key + "\" must be an object or an array");
      }
    }
    return new Node(fields, ors, depth);
  }

  /**
   * {@code $or} is the OR operator only when it holds an array of at least two objects none of
   * whose field names is an operator keyword; otherwise it is an ordinary key (and-or-logic page).
   */
  private static boolean isOr(Object value) {
    if (!(value instanceof List<?> list) || list.size() < 2) {
      return false;
    }
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> m)) {
        return false;
      }
      for (Object k : m.keySet()) {
        if (OPERATORS.contains(k)) {
          return false;
        }
      }
    }
    return true;
  }

  private static Leaf leaf(String key, List<?> values) {
    if (values.isEmpty()) {
      throw SnsErrors.invalidFilterPolicy("Empty arrays are not allowed");
    }
    List<Condition> conditions = new ArrayList<>();
    for (Object v : values) {
      conditions.add(condition(v));
    }
    return new Leaf(key, conditions);
  }

  private static Condition condition(Object v) {
    if (v instanceof String s) {
      return new Exact(s);
    }
    if (v instanceof BigDecimal n) {
      return new ExactNumber(scaled(n));
    }
    if (v instanceof Boolean || v == Json.NULL) {
      return new ExactLiteral(v);
    }
    if (v instanceof Map<?, ?> m) {
      if (m.size() != 1) {
        throw SnsErrors.invalidFilterPolicy("Only one key allowed in match expression");
      }
      Map.Entry<?, ?> e = m.entrySet().iterator().next();
      return operator((String) e.getKey(), e.getValue());
    }
    throw SnsErrors.invalidFilterPolicy("Match value must be String, number, true, false, or null");
  }

  private static Condition operator(String op, Object arg) {
    return switch (op) {
      case "prefix" -> new Prefix(string(op, arg));
      case "suffix" -> new Suffix(string(op, arg));
      case "equals-ignore-case" -> new EqualsIgnoreCase(string(op, arg));
      case "exists" -> {
        if (!(arg instanceof Boolean b)) {
          throw SnsErrors.invalidFilterPolicy("exists match pattern must be either true or false.");
        }
        yield new Exists(b);
      }
      case "cidr" -> Cidr.parse(string(op, arg));
      case "numeric" -> numeric(arg);
      case "anything-but" -> anythingBut(arg);
      default -> throw SnsErrors.invalidFilterPolicy("Unrecognized match type " + op);
    };
  }

  private static String string(String op, Object arg) {
    if (!(arg instanceof String s)) {
      throw SnsErrors.invalidFilterPolicy(op + " match pattern must be a string");
    }
    return s;
  }

  private static Condition anythingBut(Object arg) {
    Set<String> strings = new LinkedHashSet<>();
    Set<BigDecimal> numbers = new LinkedHashSet<>();
    if (arg instanceof Map<?, ?> m) {
      if (m.size() != 1) {
        throw SnsErrors.invalidFilterPolicy("Only one key allowed in match expression");
      }
      Map.Entry<?, ?> e = m.entrySet().iterator().next();
      if (!"prefix".equals(e.getKey())) {
        // AWS accepts only prefix inside anything-but (LocalStack's AWS-validated snapshot).
        throw SnsErrors.invalidFilterPolicy("Unsupported anything-but pattern: " + e.getKey());
      }
      return new AnythingButPrefix(string("prefix", e.getValue()));
    }
    List<?> values = arg instanceof List<?> l ? l : List.of(arg);
    if (values.isEmpty()) {
      throw SnsErrors.invalidFilterPolicy("Empty arrays are not allowed");
    }
    for (Object v : values) {
      if (v instanceof String s) {
        strings.add(s);
      } else if (v instanceof BigDecimal n) {
        numbers.add(scaled(n));
      } else {
        throw SnsErrors.invalidFilterPolicy(
            "Inside anything but list, start|null|boolean is not supported.");
      }
    }
    return new AnythingBut(strings, numbers);
  }

  private static Condition numeric(Object arg) {
    if (!(arg instanceof List<?> list) || list.isEmpty()) {
      throw SnsErrors.invalidFilterPolicy("Value of numeric must be an array.");
    }
    if (list.size() > 4) {
      throw SnsErrors.invalidFilterPolicy("Too many elements in numeric expression");
    }
    if (list.size() % 2 != 0) {
      throw SnsErrors.invalidFilterPolicy("Value of " + list.get(0) + " must be numeric");
    }
    BigDecimal lower = null;
    BigDecimal upper = null;
    boolean lowerInclusive = false;
    boolean upperInclusive = false;
    BigDecimal equal = null;
    for (int i = 0; i < list.size(); i += 2) {
      if (!(list.get(i) instanceof String op)) {
        throw SnsErrors.invalidFilterPolicy("Unrecognized numeric range operator: " + list.get(i));
      }
      if (!(list.get(i + 1) instanceof BigDecimal value)) {
        throw SnsErrors.invalidFilterPolicy("Value of " + op + " must be numeric");
      }
      value = scaled(value);
      switch (op) {
        case "=" -> {
          if (list.size() != 2) {
            throw SnsErrors.invalidFilterPolicy("Too many terms in numeric range expression");
          }
          equal = value;
        }
        case ">", ">=" -> {
          if (i != 0) {
            throw SnsErrors.invalidFilterPolicy("Bad numeric range operator: " + op);
          }
          lower = value;
          lowerInclusive = op.equals(">=");
        }
        case "<", "<=" -> {
          if (upper != null || (i == 0 && list.size() == 4)) {
            throw SnsErrors.invalidFilterPolicy("Bad numeric range operator: " + op);
          }
          upper = value;
          upperInclusive = op.equals("<=");
        }
        default ->
            throw SnsErrors.invalidFilterPolicy("Unrecognized numeric range operator: " + op);
      }
    }
    if (lower != null && upper != null && lower.compareTo(upper) >= 0) {
      throw SnsErrors.invalidFilterPolicy("Bottom must be less than top");
    }
    if (equal != null) {
      return new Numeric(equal, true, equal, true);
    }
    return new Numeric(lower, lowerInclusive, upper, upperInclusive);
  }

  static BigDecimal scaled(BigDecimal n) {
    return n.setScale(NUMERIC_SCALE, RoundingMode.HALF_EVEN);
  }

  // ------------------------------------------------------------------ matching

  /** Why a message was not delivered, for AWS's NumberOfNotificationsFilteredOut-* metrics. */
  enum Outcome {
    MATCH,
    FILTERED_OUT,
    NO_MESSAGE_ATTRIBUTES,
    INVALID_ATTRIBUTES,
    INVALID_MESSAGE_BODY
  }

  /** Matches the message attributes (attribute scope). */
  Outcome matchAttributes(Map<String, MessageAttributeValue> attributes) {
    return matchAttributes(new Input(attributes));
  }

  /**
   * Matches the attributes of {@code input} (attribute scope). A rejection allocates nothing: a
   * String attribute is compared as it is, and a Number or String.Array attribute is parsed once
   * per publish, however many subscriptions look at it.
   */
  Outcome matchAttributes(Input input) {
    input.invalid = false;
    if (root.matches(input)) {
      return Outcome.MATCH;
    }
    if (input.attributes.isEmpty()) {
      return Outcome.NO_MESSAGE_ATTRIBUTES;
    }
    return input.invalid ? Outcome.INVALID_ATTRIBUTES : Outcome.FILTERED_OUT;
  }

  /** Matches a JSON body (body scope). */
  Outcome matchBody(String message) {
    return matchBody(new Input(Map.of()), message);
  }

  /** Matches a JSON body (body scope), parsed once per publish for every subscription. */
  Outcome matchBody(Input input, String message) {
    Object body = input.body(message);
    if (!(body instanceof Map<?, ?> map)) {
      return Outcome.INVALID_MESSAGE_BODY;
    }
    return root.matchesBody(asObject(map)) ? Outcome.MATCH : Outcome.FILTERED_OUT;
  }

  /**
   * What the filter policies of one publish look at, shared by all of its subscriptions: the
   * attributes, the values parsed from them and the parsed body. Used under the simulation's lock
   * by one publish at a time.
   */
  static final class Input {
    /** The cached result of a body that is not JSON, or an attribute value that does not parse. */
    private static final Object INVALID = new Object();

    private final Map<String, MessageAttributeValue> attributes;

    /** Number and String.Array values by attribute name, parsed on first use (or INVALID). */
    private Map<String, Object> parsed;

    private String bodyText;
    private Object body;

    /** Whether the last match looked at an attribute whose value is invalid for its type. */
    private boolean invalid;

    Input(Map<String, MessageAttributeValue> attributes) {
      this.attributes = attributes;
    }

    /**
     * The values of attribute {@code key}: null when absent (or Binary, which policies ignore), a
     * List for String.Array, else the single String or scaled BigDecimal. An invalid value counts
     * as present with no values, and is remembered for the InvalidAttributes metric.
     */
    Object values(String key) {
      MessageAttributeValue v = attributes.get(key);
      if (v == null) {
        return null;
      }
      String type = v.baseType();
      if (type.equals("Binary")) {
        return null;
      }
      String s = v.stringValue();
      Object values;
      if (s == null) {
        values = INVALID;
      } else if (type.equals("Number") || type.equals("String.Array")) {
        if (parsed == null) {
          parsed = new HashMap<>();
        }
        values = parsed.get(key);
        if (values == null) {
          values = type.equals("Number") ? number(s) : arrayValues(s);
          parsed.put(key, values);
        }
      } else {
        return s;
      }
      if (values == INVALID) {
        invalid = true;
        return List.of();
      }
      return values;
    }

    /** The parsed message body, or INVALID; parsed once for a run of identical messages. */
    Object body(String message) {
      if (!message.equals(bodyText)) {
        bodyText = message;
        try {
          body = Json.parse(message);
        } catch (Json.MalformedJson e) {
          body = INVALID;
        }
      }
      return body;
    }

    private static Object number(String s) {
      try {
        return scaled(new BigDecimal(s.trim()));
      } catch (NumberFormatException e) {
        return INVALID;
      }
    }

    private static Object arrayValues(String s) {
      Object parsed;
      try {
        parsed = Json.parse(s);
      } catch (Json.MalformedJson e) {
        return INVALID;
      }
      if (!(parsed instanceof List<?> list)) {
        return INVALID;
      }
      List<Object> out = new ArrayList<>();
      for (Object o : list) {
        out.add(o instanceof BigDecimal n ? scaled(n) : o);
      }
      return out;
    }
  }

  /**
   * An AND over fields and over $or groups; depth 1 is the top level. The attribute matcher walks
   * arrays built once at parse time, so matching a policy allocates no iterator.
   */
  private static final class Node {
    private final Map<String, Object> fields;
    private final List<List<Node>> ors;
    private final int depth;

    /** The fields' values (Leaf or nested Node) in policy order. */
    private final Object[] fieldArray;

    private final Node[][] orArray;

    Node(Map<String, Object> fields, List<List<Node>> ors, int depth) {
      this.fields = fields;
      this.ors = ors;
      this.depth = depth;
      this.fieldArray = fields.values().toArray();
      this.orArray = new Node[ors.size()][];
      for (int i = 0; i < orArray.length; i++) {
        orArray[i] = ors.get(i).toArray(new Node[0]);
      }
    }

    void topLevelKeys(Set<String> into) {
      into.addAll(fields.keySet());
      for (List<Node> group : ors) {
        for (Node n : group) {
          n.topLevelKeys(into);
        }
      }
    }

    /**
     * The complexity AWS bounds: the product over leaves of (values x nesting depth), with the
     * branches of an $or summed (constraints page, and-or-logic page).
     */
    long combinations() {
      long product = 1;
      for (Object f : fields.values()) {
        long c =
            f instanceof Leaf leaf
                ? (long) leaf.conditions.length * depth
                : ((Node) f).combinations();
        product = saturatedMultiply(product, c);
      }
      for (List<Node> group : ors) {
        long sum = 0;
        for (Node n : group) {
          sum = Math.min(Long.MAX_VALUE / 2, sum + n.combinations());
        }
        product = saturatedMultiply(product, sum);
      }
      return product;
    }

    /** Attribute scope, where every field is a Leaf (nested policies are refused there). */
    boolean matches(Input input) {
      for (Object f : fieldArray) {
        Leaf leaf = (Leaf) f;
        if (!leaf.matches(input.values(leaf.key))) {
          return false;
        }
      }
      for (Node[] group : orArray) {
        boolean any = false;
        for (Node n : group) {
          if (n.matches(input)) {
            any = true;
            break;
          }
        }
        if (!any) {
          return false;
        }
      }
      return true;
    }

    boolean matchesBody(Map<String, Object> body) {
      for (Map.Entry<String, Object> e : fields.entrySet()) {
        Object value = body.get(e.getKey());
        if (e.getValue() instanceof Node nested) {
          if (!(value instanceof Map<?, ?> m) || !nested.matchesBody(asObject(m))) {
            return false;
          }
        } else {
          Leaf leaf = (Leaf) e.getValue();
          if (!leaf.matches(bodyValues(body, e.getKey()))) {
            return false;
          }
        }
      }
      for (List<Node> group : ors) {
        boolean any = false;
        for (Node n : group) {
          if (n.matchesBody(body)) {
            any = true;
            break;
          }
        }
        if (!any) {
          return false;
        }
      }
      return true;
    }
  }

  private static List<Object> bodyValues(Map<String, Object> body, String key) {
    if (!body.containsKey(key)) {
      return null;
    }
    Object v = body.get(key);
    List<Object> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      for (Object o : list) {
        out.add(o instanceof BigDecimal n ? scaled(n) : o);
      }
    } else if (v instanceof BigDecimal n) {
      out.add(scaled(n));
    } else if (!(v instanceof Map<?, ?>)) {
      out.add(v);
    }
    return out;
  }

  private static long saturatedMultiply(long a, long b) {
    long r = a * b;
    return (a != 0 && (r / a != b || r < 0)) ? Long.MAX_VALUE / 2 : r;
  }

  /** One key's conditions, ORed. */
  private static final class Leaf {
    private final String key;
    private final Condition[] conditions;

    /** The values when every condition is an exact string (the common case), else null. */
    private final String[] exactStrings;

    Leaf(String key, List<Condition> conditions) {
      this.key = key;
      this.conditions = conditions.toArray(new Condition[0]);
      String[] exact = new String[this.conditions.length];
      for (int i = 0; i < exact.length; i++) {
        if (!(this.conditions[i] instanceof Exact e)) {
          exact = null;
          break;
        }
        exact[i] = e.expected();
      }
      this.exactStrings = exact;
    }

    /** {@code values}: null when the key is absent, a List of values, or one value. */
    boolean matches(Object values) {
      if (exactStrings != null && values instanceof String s) {
        for (String e : exactStrings) {
          if (e.equals(s)) {
            return true;
          }
        }
        return false;
      }
      for (Condition c : conditions) {
        if (c.matches(values)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * One condition on the values of a key: {@code null} when the key is absent, a List (String.Array
   * attributes, body values), or one value (a String or Number attribute, held without a list).
   */
  private interface Condition {
    default boolean matches(Object values) {
      if (values == null) {
        return false;
      }
      if (!(values instanceof List<?> list)) {
        return matchesOne(values);
      }
      for (Object v : list) {
        if (matchesOne(v)) {
          return true;
        }
      }
      return false;
    }

    boolean matchesOne(Object value);
  }

  /** An anything-but condition: the key is present and every one of its values passes. */
  private interface NoneListed extends Condition {
    @Override
    default boolean matches(Object values) {
      if (values == null) {
        return false;
      }
      if (!(values instanceof List<?> list)) {
        return matchesOne(values);
      }
      if (list.isEmpty()) {
        return false;
      }
      for (Object v : list) {
        if (!matchesOne(v)) {
          return false;
        }
      }
      return true;
    }
  }

  private record Exact(String expected) implements Condition {
    @Override
    public boolean matchesOne(Object value) {
      return expected.equals(value);
    }
  }

  private record ExactNumber(BigDecimal expected) implements Condition {
    @Override
    public boolean matchesOne(Object value) {
      return value instanceof BigDecimal n && n.compareTo(expected) == 0;
    }
  }

  private record ExactLiteral(Object expected) implements Condition {
    @Override
    public boolean matchesOne(Object value) {
      return expected.equals(value);
    }
  }

  private record Prefix(String prefix) implements Condition {
    @Override
    public boolean matchesOne(Object value) {
      return value instanceof String s && s.startsWith(prefix);
    }
  }

  private record Suffix(String suffix) implements Condition {
    @Override
    public boolean matchesOne(Object value) {
      return value instanceof String s && s.endsWith(suffix);
    }
  }

  /** {@code lowerCase}: the expected value in lower case, computed once. */
  private record EqualsIgnoreCase(String lowerCase) implements Condition {
    EqualsIgnoreCase {
      lowerCase = lowerCase.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean matchesOne(Object value) {
      return value instanceof String s && s.toLowerCase(Locale.ROOT).equals(lowerCase);
    }
  }

  /**
   * Matches when the key is present and none of its values is listed: for String.Array attributes
   * "it matches if none of the array elements are listed" (current string-value-matching page).
   */
  private record AnythingBut(Set<String> strings, Set<BigDecimal> numbers) implements NoneListed {
    @Override
    public boolean matchesOne(Object value) {
      if (value instanceof String s) {
        return !strings.contains(s);
      }
      if (value instanceof BigDecimal n) {
        for (BigDecimal x : numbers) {
          if (x.compareTo(n) == 0) {
            return false;
          }
        }
      }
      return true;
    }
  }

  private record AnythingButPrefix(String prefix) implements NoneListed {
    @Override
    public boolean matchesOne(Object value) {
      return value instanceof String s && !s.startsWith(prefix);
    }
  }

  private record Numeric(
      BigDecimal lower, boolean lowerInclusive, BigDecimal upper, boolean upperInclusive)
      implements Condition {
    @Override
    public boolean matchesOne(Object value) {
      if (!(value instanceof BigDecimal n)) {
        return false;
      }
      if (lower != null) {
        int c = n.compareTo(lower);
        if (c < 0 || (c == 0 && !lowerInclusive)) {
          return false;
        }
      }
      if (upper != null) {
        int c = n.compareTo(upper);
        if (c > 0 || (c == 0 && !upperInclusive)) {
          return false;
        }
      }
      return true;
    }
  }

  private record Exists(boolean expected) implements Condition {
    @Override
    public boolean matches(Object values) {
      return (values != null) == expected;
    }

    @Override
    public boolean matchesOne(Object value) {
      return expected;
    }
  }

  /** {@code {"cidr": "10.0.0.0/24"}}: IPv4 or IPv6 string values inside the subnet. */
  private record Cidr(byte[] network, int prefixLength) implements Condition {
    static Cidr parse(String text) {
      int slash = text.indexOf('/');
      if (slash < 0 || slash != text.lastIndexOf('/')) {
        throw SnsErrors.invalidFilterPolicy("Malformed CIDR, one '/' required");
      }
      byte[] address = literalAddress(text.substring(0, slash));
      int bits;
      try {
        bits = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        bits = -1;
      }
      if (address == null || bits < 0 || bits > address.length * 8) {
        throw SnsErrors.invalidFilterPolicy("Nonstandard IP address: " + text);
      }
      return new Cidr(address, bits);
    }

    @Override
    public boolean matchesOne(Object value) {
      if (!(value instanceof String s)) {
        return false;
      }
      byte[] a = literalAddress(s);
      if (a == null || a.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefixLength; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }

    /** An IP literal's bytes, or null; never a DNS lookup. */
    private static byte[] literalAddress(String s) {
      if (s.isEmpty() || !(s.indexOf(':') >= 0 || s.matches("[0-9.]+"))) {
        return null;
      }
      if (s.indexOf(':') < 0 && !s.matches("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})")) {
        return null;
      }
      if (s.indexOf(':') >= 0 && !s.matches("[0-9A-Fa-f:.]+")) {
        return null;
      }
      try {
        return InetAddress.getByName(s).getAddress();
      } catch (UnknownHostException e) {
        return null;
      }
    }
  }
}
