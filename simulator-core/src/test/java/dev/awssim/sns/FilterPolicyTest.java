package dev.awssim.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Filter policies, table-driven from AWS's documented examples
 * (https://docs.aws.amazon.com/sns/latest/dg/string-value-matching.html,
 * numeric-value-matching.html, attribute-key-matching.html, and-or-logic.html,
 * subscription-filter-policy-constraints.html): each operator keeps and drops a message.
 */
class FilterPolicyTest {
  private static final SnsLimits LIMITS = SnsLimits.defaults();

  /** {@code name=Type:value;...}, such as {@code store=String:example_corp;price=Number:30}. */
  private static Map<String, MessageAttributeValue> attrs(String spec) {
    Map<String, MessageAttributeValue> m = new LinkedHashMap<>();
    if (spec.isEmpty()) {
      return m;
    }
    for (String part : com.google.common.base.Splitter.on(';').split(spec)) {
      String[] kv = part.split("=", 2);
      String[] tv = kv[1].split(":", 2);
      m.put(kv[0], MessageAttributeValue.of(tv[0], tv[1], null));
    }
    return m;
  }

  static Stream<Arguments> attributeCases() {
    return Stream.of(
        // exact
        Arguments.of(
            "{\"customer_interests\":[\"rugby\",\"tennis\"]}",
            "customer_interests=String:rugby",
            true),
        Arguments.of(
            "{\"customer_interests\":[\"rugby\",\"tennis\"]}",
            "customer_interests=String:baseball",
            false),
        Arguments.of(
            "{\"customer_interests\":[\"rugby\",\"tennis\"]}",
            "customer_interests=String.Array:[\"rugby\",\"tennis\"]",
            true),
        Arguments.of(
            "{\"customer_interests\":[\"rugby\",\"tennis\"]}",
            "customer_interests=String.Array:[\"baseball\"]",
            false),
        Arguments.of(
            "{\"customer_interests\":[\"rugby\"]}", "customer_interests=String:Rugby", false),
        // prefix
        Arguments.of(
            "{\"customer_interests\":[{\"prefix\":\"bas\"}]}",
            "customer_interests=String:baseball",
            true),
        Arguments.of(
            "{\"customer_interests\":[{\"prefix\":\"bas\"}]}",
            "customer_interests=String:rugby",
            false),
        // suffix
        Arguments.of(
            "{\"customer_interests\":[{\"suffix\":\"ball\"}]}",
            "customer_interests=String:baseball",
            true),
        Arguments.of(
            "{\"customer_interests\":[{\"suffix\":\"ball\"}]}",
            "customer_interests=String:rugby",
            false),
        // equals-ignore-case
        Arguments.of(
            "{\"customer_interests\":[{\"equals-ignore-case\":\"tennis\"}]}",
            "customer_interests=String:TeNnIs",
            true),
        Arguments.of(
            "{\"customer_interests\":[{\"equals-ignore-case\":\"tennis\"}]}",
            "customer_interests=String:rugby",
            false),
        // anything-but
        Arguments.of(
            "{\"customer_interests\":[{\"anything-but\":[\"rugby\",\"tennis\"]}]}",
            "customer_interests=String:baseball",
            true),
        Arguments.of(
            "{\"customer_interests\":[{\"anything-but\":[\"rugby\",\"tennis\"]}]}",
            "customer_interests=String:rugby",
            false),
        Arguments.of(
            "{\"customer_interests\":[{\"anything-but\":[\"rugby\",\"tennis\"]}]}",
            "customer_interests=String.Array:[\"rugby\",\"baseball\"]",
            false),
        Arguments.of(
            "{\"customer_interests\":[{\"anything-but\":[\"rugby\",\"tennis\"]}]}",
            "customer_interests=String.Array:[\"soccer\",\"baseball\"]",
            true),
        Arguments.of("{\"customer_interests\":[{\"anything-but\":[\"rugby\"]}]}", "", false),
        Arguments.of("{\"price\":[{\"anything-but\":[100,500]}]}", "price=Number:101", true),
        Arguments.of("{\"price\":[{\"anything-but\":[100,500]}]}", "price=Number:100", false),
        Arguments.of(
            "{\"customer_interests\":[{\"anything-but\":{\"prefix\":\"bas\"}}]}",
            "customer_interests=String:rugby",
            true),
        Arguments.of(
            "{\"customer_interests\":[{\"anything-but\":{\"prefix\":\"bas\"}}]}",
            "customer_interests=String:baseball",
            false),
        // numeric
        Arguments.of(
            "{\"price_usd\":[{\"numeric\":[\"=\",301.5]}]}", "price_usd=Number:301.5", true),
        Arguments.of(
            "{\"price_usd\":[{\"numeric\":[\"=\",301.5]}]}", "price_usd=Number:3.015e2", true),
        Arguments.of(
            "{\"price_usd\":[{\"numeric\":[\"=\",301.5]}]}", "price_usd=Number:301.50001", false),
        Arguments.of(
            "{\"price_usd\":[{\"numeric\":[\"=\",0]}]}", "price_usd=Number:0.000001", true),
        Arguments.of(
            "{\"price_usd\":[{\"numeric\":[\"=\",301.5]}]}", "price_usd=String:301.5", false),
        Arguments.of(
            "{\"price_usd\":[{\"numeric\":[\">\",0,\"<=\",150]}]}", "price_usd=Number:150", true),
        Arguments.of(
            "{\"price_usd\":[{\"numeric\":[\">\",0,\"<=\",150]}]}", "price_usd=Number:0", false),
        Arguments.of(
            "{\"price_usd\":[{\"numeric\":[\">\",0,\"<=\",150]}]}",
            "price_usd=Number:150.00001",
            false),
        Arguments.of("{\"price_usd\":[{\"numeric\":[\"<\",0]}]}", "price_usd=Number:-1", true),
        Arguments.of("{\"price_usd\":[{\"numeric\":[\">=\",10]}]}", "price_usd=Number:10", true),
        // exists
        Arguments.of("{\"store\":[{\"exists\":true}]}", "store=String:example_corp", true),
        Arguments.of("{\"store\":[{\"exists\":true}]}", "other=String:x", false),
        Arguments.of("{\"store\":[{\"exists\":false}]}", "other=String:x", true),
        Arguments.of("{\"store\":[{\"exists\":false}]}", "store=String:example_corp", false),
        Arguments.of("{\"store\":[{\"exists\":true}]}", "store=Binary:AAE=", false),
        // cidr
        Arguments.of(
            "{\"source_ip\":[{\"cidr\":\"10.0.0.0/24\"}]}", "source_ip=String:10.0.0.255", true),
        Arguments.of(
            "{\"source_ip\":[{\"cidr\":\"10.0.0.0/24\"}]}", "source_ip=String:10.0.1.0", false),
        Arguments.of(
            "{\"source_ip\":[{\"cidr\":\"2001:db8::/32\"}]}", "source_ip=String:2001:db8::1", true),
        Arguments.of(
            "{\"source_ip\":[{\"cidr\":\"10.0.0.0/24\"}]}", "source_ip=String:not-an-ip", false),
        // AND across keys, OR across values
        Arguments.of(
            "{\"store\":[\"example_corp\"],\"event\":[\"order_placed\",\"order_cancelled\"]}",
            "store=String:example_corp;event=String:order_cancelled",
            true),
        Arguments.of(
            "{\"store\":[\"example_corp\"],\"event\":[\"order_placed\",\"order_cancelled\"]}",
            "store=String:example_corp",
            false),
        // $or: source AND (metricName OR namespace), and-or-logic.html
        Arguments.of(
            "{\"source\":[\"aws.cloudwatch\"],\"$or\":[{\"metricName\":[\"CPUUtilization\"]},{\"namespace\":[\"AWS/EC2\"]}]}",
            "source=String:aws.cloudwatch;namespace=String:AWS/EC2",
            true),
        Arguments.of(
            "{\"source\":[\"aws.cloudwatch\"],\"$or\":[{\"metricName\":[\"CPUUtilization\"]},{\"namespace\":[\"AWS/EC2\"]}]}",
            "source=String:aws.cloudwatch;namespace=String:AWS/S3",
            false),
        Arguments.of(
            "{\"source\":[\"aws.cloudwatch\"],\"$or\":[{\"metricName\":[\"CPUUtilization\"]},{\"namespace\":[\"AWS/EC2\"]}]}",
            "source=String:other;metricName=String:CPUUtilization",
            false),
        // $or with one object is an ordinary key
        Arguments.of("{\"$or\":[\"x\"]}", "$or=String:x", true));
  }

  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @MethodSource("attributeCases")
  void matchAttributes_awsExamples(String policy, String attributes, boolean kept) {
    FilterPolicy p = FilterPolicy.parse(policy, FilterPolicyScope.MESSAGE_ATTRIBUTES, LIMITS);
    assertEquals(kept, p.matchAttributes(attrs(attributes)) == FilterPolicy.Outcome.MATCH);
  }

  static Stream<Arguments> bodyCases() {
    return Stream.of(
        Arguments.of(
            "{\"customer_interests\":[\"rugby\"]}", "{\"customer_interests\":\"rugby\"}", true),
        Arguments.of(
            "{\"customer_interests\":[\"rugby\"]}", "{\"customer_interests\":\"baseball\"}", false),
        Arguments.of(
            "{\"customer_interests\":[\"rugby\"]}",
            "{\"customer_interests\":[\"baseball\",\"rugby\"]}",
            true),
        Arguments.of(
            "{\"store\":{\"city\":[\"Seattle\"]}}",
            "{\"store\":{\"city\":\"Seattle\",\"zip\":98101}}",
            true),
        Arguments.of(
            "{\"store\":{\"city\":[\"Seattle\"]}}", "{\"store\":{\"city\":\"Boston\"}}", false),
        Arguments.of("{\"store\":{\"city\":[\"Seattle\"]}}", "{\"city\":\"Seattle\"}", false),
        Arguments.of("{\"price\":[{\"numeric\":[\">\",100]}]}", "{\"price\":100.5}", true),
        Arguments.of("{\"price\":[{\"numeric\":[\">\",100]}]}", "{\"price\":\"100.5\"}", false),
        Arguments.of("{\"flag\":[true]}", "{\"flag\":true}", true),
        Arguments.of("{\"flag\":[null]}", "{\"flag\":null}", true),
        Arguments.of("{\"flag\":[true]}", "{\"flag\":\"true\"}", false),
        Arguments.of("{\"missing\":[{\"exists\":false}]}", "{\"other\":1}", true));
  }

  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @MethodSource("bodyCases")
  void matchBody_awsExamples(String policy, String body, boolean kept) {
    FilterPolicy p = FilterPolicy.parse(policy, FilterPolicyScope.MESSAGE_BODY, LIMITS);
    assertEquals(kept, p.matchBody(body) == FilterPolicy.Outcome.MATCH);
  }

  static Stream<Arguments> invalidCases() {
    return Stream.of(
        Arguments.of("{\"a\":[]}", "Empty arrays are not allowed"),
        Arguments.of(
            "{\"a\":[{\"prefix\":\"x\",\"suffix\":\"y\"}]}",
            "Only one key allowed in match expression"),
        Arguments.of("{\"a\":[{\"nope\":\"x\"}]}", "Unrecognized match type nope"),
        Arguments.of(
            "{\"a\":[[\"x\"]]}", "Match value must be String, number, true, false, or null"),
        Arguments.of("{\"a\":[{\"suffix\":1}]}", "suffix match pattern must be a string"),
        Arguments.of("{\"a\":[{\"prefix\":1}]}", "prefix match pattern must be a string"),
        Arguments.of(
            "{\"a\":[{\"exists\":\"yes\"}]}", "exists match pattern must be either true or false."),
        Arguments.of("{\"a\":[{\"numeric\":[\">\",\"x\"]}]}", "Value of > must be numeric"),
        Arguments.of("{\"a\":[{\"numeric\":[\"<\",1,\">\",0]}]}", "Bad numeric range operator: <"),
        Arguments.of("{\"a\":[{\"numeric\":[\">\",5,\"<\",5]}]}", "Bottom must be less than top"),
        Arguments.of(
            "{\"a\":[{\"numeric\":[\">\",0,\"<\",5,\"=\",1]}]}",
            "Too many elements in numeric expression"),
        Arguments.of("{\"a\":[{\"cidr\":\"10.0.0.0\"}]}", "Malformed CIDR, one '/' required"),
        Arguments.of(
            "{\"a\":[{\"anything-but\":{\"suffix\":\"x\"}}]}",
            "Unsupported anything-but pattern: suffix"),
        Arguments.of("{\"a\":\"x\"}", "\"a\" must be an object or an array"),
        Arguments.of(
            "{\"a\":{\"b\":[\"x\"]}}",
            "Filter policy scope MessageAttributes does not support nested filter policy"),
        Arguments.of(
            "{\"a\":[1],\"b\":[1],\"c\":[1],\"d\":[1],\"e\":[1],\"f\":[1]}",
            "Filter policy can not have more than 5 keys"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("invalidCases")
  void parse_invalid_invalidParameterWithAwsReason(String policy, String reason) {
    SnsException e =
        assertThrows(
            SnsException.class,
            () -> FilterPolicy.parse(policy, FilterPolicyScope.MESSAGE_ATTRIBUTES, LIMITS));
    assertEquals("InvalidParameter", e.errorCode());
    assertEquals(400, e.statusCode());
    assertEquals("Invalid parameter: Attributes Reason: FilterPolicy: " + reason, e.errorMessage());
  }

  @org.junit.jupiter.api.Test
  void parse_fiveKeys_accepted() {
    FilterPolicy.parse(
        "{\"a\":[1],\"b\":[1],\"c\":[1],\"d\":[1],\"e\":[1]}",
        FilterPolicyScope.MESSAGE_ATTRIBUTES,
        LIMITS);
  }

  /** 150 combinations pass, 151 fail: 3 x 5 x 10 = 150; 151 is prime, so 1 x 151. */
  @org.junit.jupiter.api.Test
  void parse_combinations150Accepted_151TooComplex() {
    FilterPolicy.parse(
        "{\"a\":" + values(3) + ",\"b\":" + values(5) + ",\"c\":" + values(10) + "}",
        FilterPolicyScope.MESSAGE_ATTRIBUTES,
        LIMITS);
    SnsException e =
        assertThrows(
            SnsException.class,
            () ->
                FilterPolicy.parse(
                    "{\"a\":" + values(151) + "}", FilterPolicyScope.MESSAGE_ATTRIBUTES, LIMITS));
    assertEquals(
        "Invalid parameter: Attributes Reason: FilterPolicy: Filter policy is too complex",
        e.errorMessage());
  }

  /**
   * The constraints page's nested example: a 3-deep key with 4 values (3 x 4) and a 2-deep key with
   * 3 values (2 x 3) give 72 combinations; with $or the branches are summed.
   */
  @org.junit.jupiter.api.Test
  void parse_nestedCombinations_countValuesTimesDepth() {
    String nested72 =
        "{\"key_a\":{\"key_b\":{\"key_c\":"
            + values(4)
            + "}},\"key_d\":{\"key_e\":"
            + values(3)
            + "}}";
    FilterPolicy.parse(nested72, FilterPolicyScope.MESSAGE_BODY, LIMITS);
    // 72 x 3 = 216 > 150.
    String tooComplex = nested72.substring(0, nested72.length() - 1) + ",\"f\":" + values(3) + "}";
    assertThrows(
        SnsException.class,
        () -> FilterPolicy.parse(tooComplex, FilterPolicyScope.MESSAGE_BODY, LIMITS));
    // $or branches add up: 1 x (76 + 75) = 151.
    String or151 = "{\"$or\":[{\"a\":" + values(76) + "},{\"b\":" + values(75) + "}]}";
    assertThrows(
        SnsException.class,
        () -> FilterPolicy.parse(or151, FilterPolicyScope.MESSAGE_ATTRIBUTES, LIMITS));
    String or150 = "{\"$or\":[{\"a\":" + values(75) + "},{\"b\":" + values(75) + "}]}";
    FilterPolicy.parse(or150, FilterPolicyScope.MESSAGE_ATTRIBUTES, LIMITS);
  }

  @org.junit.jupiter.api.Test
  void parse_over256KB_refused() {
    String big = "{\"a\":[\"" + "x".repeat(SnsLimits.MAX_FILTER_POLICY_BYTES) + "\"]}";
    assertThrows(
        SnsException.class,
        () -> FilterPolicy.parse(big, FilterPolicyScope.MESSAGE_ATTRIBUTES, LIMITS));
  }

  private static String values(int n) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ",").append('"').append('v').append(i).append('"');
    }
    return sb.append(']').toString();
  }
}
