package dev.awssim.sns;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.Hashing;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.internal.RandomIds;
import dev.awssim.internal.SimulationContext;
import dev.awssim.internal.metrics.MetricSeries;
import dev.awssim.internal.throttle.SlidingWindowLimiter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Amazon SNS on the virtual clock: standard and FIFO topics, Publish and PublishBatch, fan-out to
 * SQS queues, in-JVM HTTP/S endpoints and functions, filter policies, raw delivery, delivery retry
 * policies, subscription dead-letter queues and FIFO deduplication
 * (https://docs.aws.amazon.com/sns/latest/dg/welcome.html). Method and parameter names mirror the
 * SNS API actions.
 *
 * <pre>{@code
 * AwsSimulator sim = AwsSimulator.withSeed(42);
 * String topic = sim.sns().createTopic("orders");
 * String queueUrl = sim.sqs().createQueue("shipping");
 * String queueArn = sim.sqs().getQueueAttributes(queueUrl).get("QueueArn");
 * sim.sns().subscribe(topic, "sqs", queueArn,
 *     Map.of("FilterPolicy", "{\"store\":[\"example_corp\"]}", "RawMessageDelivery", "true"));
 * sim.sns().publish(PublishRequest.builder(topic, "hello")
 *     .messageAttributes(Map.of("store", MessageAttributeValue.ofString("example_corp"))).build());
 * }</pre>
 *
 * <p>Deliveries happen at the instant of the publish, with no latency: the first attempt and the
 * immediate retries run inside Publish, later retries are tasks on virtual time. Every operation is
 * atomic under the simulation's lock, and a rejected call changes nothing. Errors are {@link
 * SnsException}s with AWS's code and HTTP status. Not modelled: topic and queue access policies,
 * email, SMS, mobile push and Firehose endpoints, message archiving, data protection.
 */
public final class Sns {
  /** The namespace of SNS's CloudWatch metrics. */
  public static final String NAMESPACE = "AWS/SNS";

  private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
  private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
  private static final Pattern FIFO_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
  private static final Set<String> PROTOCOLS = Set.of("sqs", "lambda", "http", "https");
  private static final Set<String> TOPIC_ATTRIBUTES =
      Set.of(
          "DisplayName",
          "Policy",
          "DeliveryPolicy",
          "FifoTopic",
          "ContentBasedDeduplication",
          "FifoThroughputScope",
          "KmsMasterKeyId",
          "SignatureVersion",
          "TracingConfig",
          "ArchivePolicy");
  private static final Set<String> SUBSCRIPTION_ATTRIBUTES =
      Set.of(
          "DeliveryPolicy",
          "FilterPolicy",
          "FilterPolicyScope",
          "RawMessageDelivery",
          "RedrivePolicy",
          "SubscriptionRoleArn");

  private final SimulationContext context;
  private final SnsLimits limits;
  private final Envelopes envelopes;
  private final String arnPrefix;
  private final Map<String, Topic> topics = new LinkedHashMap<>();
  private final Map<String, SubscriptionState> subscriptions = new LinkedHashMap<>();
  private final Map<String, HttpEndpoint> httpEndpoints = new LinkedHashMap<>();
  private final Map<String, FunctionEndpoint> functions = new LinkedHashMap<>();
  private QueueEndpoints queues = QueueEndpoints.NONE;

  /** SQS and Lambda subscriptions' retry policy, and HTTP/S's without a DeliveryPolicy. */
  private final DeliveryPolicy managedPolicy;

  private final DeliveryPolicy httpDefaultPolicy;

  /** How many standard and FIFO topics exist, for the topic quotas. */
  private int standardTopics;

  private int fifoTopics;

  /** How many subscriptions in the account have a filter policy, for the account quota. */
  private int filterPolicies;

  /**
   * Creates simulated SNS on {@code context}.
   *
   * @throws NullPointerException if an argument is null
   */
  public Sns(SimulationContext context, SnsLimits limits) {
    this.context = checkNotNull(context, "context");
    this.limits = checkNotNull(limits, "limits");
    this.envelopes = new Envelopes(context.account().region());
    this.managedPolicy = DeliveryPolicy.managed(limits);
    this.httpDefaultPolicy = DeliveryPolicy.httpDefault(limits);
    this.arnPrefix =
        "arn:aws:sns:" + context.account().region() + ":" + context.account().accountId() + ":";
  }

  /** The limits this SNS enforces. */
  public SnsLimits limits() {
    return limits;
  }

  // ------------------------------------------------------------ endpoints

  /**
   * Where deliveries to {@code sqs} subscriptions go; the simulation wires its SQS model here.
   *
   * @throws NullPointerException if {@code endpoints} is null
   */
  public void setQueueEndpoints(QueueEndpoints endpoints) {
    checkNotNull(endpoints, "endpoints");
    synchronized (context.lock()) {
      this.queues = endpoints;
    }
  }

  /**
   * Serves {@code url} with an in-JVM handler: {@code http}/{@code https} subscriptions to it get
   * their confirmation and notifications there. An unregistered URL fails like an unreachable host.
   *
   * @throws NullPointerException if an argument is null
   */
  public void registerHttpEndpoint(String url, HttpEndpoint handler) {
    checkNotNull(url, "url");
    checkNotNull(handler, "handler");
    synchronized (context.lock()) {
      httpEndpoints.put(url, handler);
    }
  }

  /**
   * Registers the function that {@code lambda} subscriptions with endpoint {@code functionArn}
   * invoke. An unregistered function is a client-side error, as a deleted function is.
   *
   * @throws NullPointerException if an argument is null
   */
  public void registerFunction(String functionArn, FunctionEndpoint function) {
    checkNotNull(functionArn, "functionArn");
    checkNotNull(function, "function");
    synchronized (context.lock()) {
      functions.put(functionArn, function);
    }
  }

  // ------------------------------------------------------------ topics

  /** CreateTopic of a standard topic with default attributes. */
  public String createTopic(String name) {
    return createTopic(name, ImmutableMap.of());
  }

  /**
   * CreateTopic: idempotent for the same name and attributes.
   *
   * @return the topic ARN
   * @throws SnsException InvalidParameter (name, attributes), TopicLimitExceeded
   */
  public String createTopic(String name, Map<String, String> attributes) {
    Map<String, String> attrs = attributes == null ? ImmutableMap.of() : attributes;
    synchronized (context.lock()) {
      for (String key : attrs.keySet()) {
        if (!TOPIC_ATTRIBUTES.contains(key)) {
          throw SnsErrors.invalidParameter("Attributes Reason: Unknown attribute " + key);
        }
      }
      boolean fifo = "true".equalsIgnoreCase(attrs.get("FifoTopic"));
      checkTopicName(name, fifo);
      Topic existing = topics.get(arnPrefix + name);
      if (existing != null) {
        for (Map.Entry<String, String> e : attrs.entrySet()) {
          if (!e.getValue().equals(existing.attributes.get(e.getKey()))) {
            throw SnsErrors.invalidParameter(
                "Attributes Reason: Topic already exists with different attributes");
          }
        }
        return existing.arn;
      }
      for (Map.Entry<String, String> e : attrs.entrySet()) {
        checkFifoAttribute(fifo, e.getKey(), e.getValue());
      }
      DeliveryPolicy httpPolicy = topicDeliveryPolicy(attrs.get("DeliveryPolicy"));
      if (fifo
          ? fifoTopics >= limits.maxFifoTopics()
          : standardTopics >= limits.maxStandardTopics()) {
        throw new SnsException("TopicLimitExceeded", 403, "Topic limit exceeded");
      }
      Topic t = new Topic(name, arnPrefix + name, fifo, attrs, httpPolicy);
      topics.put(t.arn, t);
      if (fifo) {
        fifoTopics++;
      } else {
        standardTopics++;
      }
      context.trace().record(SnsEventType.TOPIC_CREATED, name);
      return t.arn;
    }
  }

  private static void checkTopicName(String name, boolean fifo) {
    if (name == null) {
      throw SnsErrors.invalidParameter("Topic Name");
    }
    boolean endsFifo = name.endsWith(".fifo");
    String base = endsFifo ? name.substring(0, name.length() - ".fifo".length()) : name;
    if (fifo != endsFifo
        || !TOPIC_NAME.matcher(base).matches()
        || name.length() > SnsLimits.MAX_TOPIC_NAME_LENGTH) {
      throw SnsErrors.invalidParameter(
          fifo
              ? "Fifo Topic names must end with .fifo and must be made up of only uppercase and"
                  + " lowercase ASCII letters, numbers, underscores, and hyphens, and must be"
                  + " between 1 and 256 characters long."
              : "Topic Name");
    }
  }

  /**
   * ContentBasedDeduplication ({@code true} or {@code false}) and FifoThroughputScope ({@code
   * Topic} or {@code MessageGroup}) belong to FIFO topics only, on CreateTopic and
   * SetTopicAttributes alike (https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html).
   */
  private static void checkFifoAttribute(boolean fifo, String name, String value) {
    boolean valid =
        switch (name) {
          case "ContentBasedDeduplication" ->
              value != null && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"));
          case "FifoThroughputScope" -> "Topic".equals(value) || "MessageGroup".equals(value);
          default -> true;
        };
    if (!valid) {
      throw SnsErrors.invalidParameter(
          "Attributes Reason: " + name + ": Invalid value [" + value + "]");
    }
    if (!fifo && (name.equals("ContentBasedDeduplication") || name.equals("FifoThroughputScope"))) {
      throw SnsErrors.invalidParameter(
          "Attributes Reason: " + name + " is only valid for FIFO topics");
    }
  }

  /** A topic's DeliveryPolicy: {@code {"http": {"defaultHealthyRetryPolicy": {...}}}}. */
  private DeliveryPolicy topicDeliveryPolicy(String json) {
    if (json == null || json.isEmpty()) {
      return httpDefaultPolicy;
    }
    Map<?, ?> root = jsonObject(json, "DeliveryPolicy");
    Object http = root.get("http");
    if (!(http instanceof Map<?, ?> h)) {
      return httpDefaultPolicy;
    }
    DeliveryPolicy.checkThrottlePolicy(h.get("defaultThrottlePolicy"));
    Object healthy = h.get("defaultHealthyRetryPolicy");
    return healthy instanceof Map<?, ?> p
        ? DeliveryPolicy.fromHealthyRetryPolicy(p, limits)
        : httpDefaultPolicy;
  }

  private static Map<?, ?> jsonObject(String json, String attribute) {
    try {
      if (Json.parse(json) instanceof Map<?, ?> m) {
        return m;
      }
    } catch (Json.MalformedJson e) {
      // reported below
    }
    throw SnsErrors.invalidParameter(attribute + ": failed to parse JSON.");
  }

  /** DeleteTopic: deletes the topic and its subscriptions; a missing topic is no error. */
  public void deleteTopic(String topicArn) {
    synchronized (context.lock()) {
      Topic t = topics.remove(topicArn);
      if (t == null) {
        return;
      }
      if (t.fifo) {
        fifoTopics--;
      } else {
        standardTopics--;
      }
      for (SubscriptionState s : t.subscriptions) {
        delete(s);
      }
      context.trace().record(SnsEventType.TOPIC_DELETED, t.name);
    }
  }

  /** ListTopics: every topic ARN, in creation order. */
  public List<String> listTopics() {
    synchronized (context.lock()) {
      return ImmutableList.copyOf(topics.keySet());
    }
  }

  /**
   * GetTopicAttributes.
   *
   * @throws SnsException NotFound
   */
  public Map<String, String> getTopicAttributes(String topicArn) {
    synchronized (context.lock()) {
      Topic t = topic(topicArn);
      Map<String, String> out = new LinkedHashMap<>();
      out.put("TopicArn", t.arn);
      out.put("Owner", context.account().accountId());
      out.put("DisplayName", t.attributes.getOrDefault("DisplayName", ""));
      long confirmed = t.subscriptions.stream().filter(SubscriptionState::confirmed).count();
      out.put("SubscriptionsConfirmed", Long.toString(confirmed));
      out.put("SubscriptionsPending", Long.toString(t.subscriptions.size() - confirmed));
      out.put("SubscriptionsDeleted", "0");
      for (Map.Entry<String, String> e : t.attributes.entrySet()) {
        out.putIfAbsent(e.getKey(), e.getValue());
      }
      if (t.fifo) {
        out.put("FifoTopic", "true");
        out.putIfAbsent("ContentBasedDeduplication", "false");
      }
      return ImmutableMap.copyOf(out);
    }
  }

  /**
   * SetTopicAttributes.
   *
   * @throws SnsException NotFound, InvalidParameter
   */
  public void setTopicAttributes(String topicArn, String attributeName, String attributeValue) {
    synchronized (context.lock()) {
      Topic t = topic(topicArn);
      if (!TOPIC_ATTRIBUTES.contains(attributeName) || attributeName.equals("FifoTopic")) {
        throw SnsErrors.invalidParameter("AttributeName");
      }
      String value = attributeValue == null ? "" : attributeValue;
      checkFifoAttribute(t.fifo, attributeName, value);
      if (attributeName.equals("DeliveryPolicy")) {
        t.httpPolicy = topicDeliveryPolicy(value);
      }
      t.attributes.put(attributeName, value);
    }
  }

  private Topic topic(String topicArn) {
    Topic t = topicArn == null ? null : topics.get(topicArn);
    if (t == null) {
      throw SnsErrors.notFound("Topic");
    }
    return t;
  }

  // ------------------------------------------------------------ subscriptions

  /** Subscribe with no attributes, returning "pending confirmation" for HTTP/S. */
  public String subscribe(String topicArn, String protocol, String endpoint) {
    return subscribe(topicArn, protocol, endpoint, ImmutableMap.of(), false);
  }

  /** Subscribe with attributes, returning "pending confirmation" for HTTP/S. */
  public String subscribe(
      String topicArn, String protocol, String endpoint, Map<String, String> attributes) {
    return subscribe(topicArn, protocol, endpoint, attributes, false);
  }

  /**
   * Subscribe. SQS and Lambda subscriptions in the account are confirmed at once; HTTP/S ones are
   * pending until the endpoint's owner calls ConfirmSubscription with the token SNS POSTs to it
   * (https://docs.aws.amazon.com/sns/latest/dg/SendMessageToHttp.confirm.html). Subscribing the
   * same endpoint twice returns the first subscription.
   *
   * @param returnSubscriptionArn whether to return the ARN even while pending
   * @return the subscription ARN, or {@code pending confirmation}
   * @throws SnsException NotFound, InvalidParameter, FilterPolicyLimitExceeded
   */
  public String subscribe(
      String topicArn,
      String protocol,
      String endpoint,
      Map<String, String> attributes,
      boolean returnSubscriptionArn) {
    Map<String, String> attrs = attributes == null ? ImmutableMap.of() : attributes;
    synchronized (context.lock()) {
      Topic t = topic(topicArn);
      checkEndpoint(t, protocol, endpoint);
      for (SubscriptionState s : t.subscriptions) {
        if (s.protocol.equals(protocol) && s.endpoint.equals(endpoint)) {
          for (Map.Entry<String, String> e : attrs.entrySet()) {
            if (!e.getValue().equals(s.attributes.get(e.getKey()))) {
              throw SnsErrors.invalidParameter(
                  "Attributes Reason: Subscription already exists with different attributes");
            }
          }
          return s.confirmed() || returnSubscriptionArn ? s.arn : "pending confirmation";
        }
      }
      String arn =
          t.arn + ":" + RandomIds.uuid(context.random().stream("sns/" + t.name + "/subscriptions"));
      SubscriptionState s =
          new SubscriptionState(arn, t, protocol, endpoint, context.account().accountId());
      SubscriptionUpdate update = new SubscriptionUpdate(s);
      for (Map.Entry<String, String> e : attrs.entrySet()) {
        update.set(e.getKey(), e.getValue());
      }
      update.checkLimits();
      update.apply();
      t.addSubscription(s);
      subscriptions.put(arn, s);
      context
          .trace()
          .record(SnsEventType.SUBSCRIBED, t.name, ImmutableMap.of("protocol", protocol));
      if (s.isHttp()) {
        s.token = RandomIds.hex(context.random().stream("sns/" + t.name + "/tokens"), 256);
        s.pending = true;
        sendConfirmation(s);
        return returnSubscriptionArn ? arn : "pending confirmation";
      }
      return arn;
    }
  }

  private void checkEndpoint(Topic t, String protocol, String endpoint) {
    if (protocol == null || !PROTOCOLS.contains(protocol)) {
      throw SnsErrors.invalidParameter(
          "Amazon SNS does not support this protocol string: " + protocol);
    }
    if (endpoint == null || endpoint.isEmpty()) {
      throw SnsErrors.invalidParameter("Endpoint");
    }
    switch (protocol) {
      case "sqs" -> {
        if (!endpoint.startsWith("arn:aws:sqs:")) {
          throw SnsErrors.invalidParameter("SQS endpoint ARN");
        }
        boolean fifoQueue = endpoint.endsWith(".fifo");
        if (fifoQueue && !t.fifo) {
          throw SnsErrors.invalidParameter(
              "Endpoint Reason: FIFO SQS Queues can not be subscribed to" + " standard SNS topics");
        }
        if (!fifoQueue && t.fifo) {
          throw SnsErrors.invalidParameter("Endpoint Reason: Please use FIFO SQS queue");
        }
      }
      case "lambda" -> {
        if (!endpoint.startsWith("arn:aws:lambda:")) {
          throw SnsErrors.invalidParameter("Lambda endpoint ARN");
        }
      }
      default -> {
        if (!endpoint.startsWith(protocol + "://")) {
          throw SnsErrors.invalidParameter("Endpoint must match the specified protocol");
        }
      }
    }
    // FIFO topics deliver to SQS FIFO queues only (fifo-message-delivery.html).
    if (t.fifo && !protocol.equals("sqs")) {
      throw SnsErrors.invalidParameter("Invalid protocol type: " + protocol);
    }
  }

  private void sendConfirmation(SubscriptionState s) {
    HttpEndpoint handler = httpEndpoints.get(s.endpoint);
    if (handler == null) {
      return;
    }
    String messageId =
        RandomIds.uuid(context.random().stream("sns/" + s.topic.name + "/ids")).toString();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-amz-sns-message-type", "SubscriptionConfirmation");
    headers.put("x-amz-sns-message-id", messageId);
    headers.put("x-amz-sns-topic-arn", s.topic.arn);
    headers.put("Content-Type", "text/plain; charset=UTF-8");
    String body = envelopes.confirmation(messageId, s.token, s.topic.arn, context.clock().now());
    try {
      handler.handle(new HttpDelivery(s.endpoint, headers, body));
    } catch (RuntimeException e) {
      // An endpoint that fails the confirmation POST just stays pending.
    }
  }

  /**
   * ConfirmSubscription with the token SNS sent to the endpoint.
   *
   * @return the subscription ARN
   * @throws SnsException NotFound (topic), InvalidParameter (token)
   */
  public String confirmSubscription(String topicArn, String token) {
    synchronized (context.lock()) {
      Topic t = topic(topicArn);
      for (SubscriptionState s : t.subscriptions) {
        if (token != null && token.equals(s.token)) {
          if (s.pending) {
            s.pending = false;
            context.trace().record(SnsEventType.CONFIRMED, t.name);
          }
          return s.arn;
        }
      }
      throw SnsErrors.invalidParameter("Token");
    }
  }

  /**
   * Unsubscribe.
   *
   * @throws SnsException NotFound
   */
  public void unsubscribe(String subscriptionArn) {
    synchronized (context.lock()) {
      SubscriptionState s = subscription(subscriptionArn);
      delete(s);
      s.topic.removeSubscription(s);
      context.trace().record(SnsEventType.UNSUBSCRIBED, s.topic.name);
    }
  }

  /** Forgets {@code s} (its retries stop) and frees its filter policy from the account quota. */
  private void delete(SubscriptionState s) {
    s.deleted = true;
    subscriptions.remove(s.arn);
    if (s.filterPolicy != null) {
      filterPolicies--;
    }
  }

  /** ListSubscriptions: every subscription, in creation order. */
  public List<Subscription> listSubscriptions() {
    synchronized (context.lock()) {
      return subscriptions.values().stream()
          .map(SubscriptionState::view)
          .collect(ImmutableList.toImmutableList());
    }
  }

  /**
   * ListSubscriptionsByTopic.
   *
   * @throws SnsException NotFound
   */
  public List<Subscription> listSubscriptionsByTopic(String topicArn) {
    synchronized (context.lock()) {
      return topic(topicArn).subscriptions.stream()
          .map(SubscriptionState::view)
          .collect(ImmutableList.toImmutableList());
    }
  }

  /**
   * GetSubscriptionAttributes.
   *
   * @throws SnsException NotFound
   */
  public Map<String, String> getSubscriptionAttributes(String subscriptionArn) {
    synchronized (context.lock()) {
      SubscriptionState s = subscription(subscriptionArn);
      Map<String, String> out = new LinkedHashMap<>();
      out.put("SubscriptionArn", s.arn);
      out.put("TopicArn", s.topic.arn);
      out.put("Owner", s.owner);
      out.put("Protocol", s.protocol);
      out.put("Endpoint", s.endpoint);
      out.put("PendingConfirmation", Boolean.toString(!s.confirmed()));
      out.put("ConfirmationWasAuthenticated", Boolean.toString(s.confirmed()));
      out.put("RawMessageDelivery", Boolean.toString(s.raw));
      for (Map.Entry<String, String> e : s.attributes.entrySet()) {
        out.put(e.getKey(), e.getValue());
      }
      if (s.filterPolicy != null) {
        out.put("FilterPolicyScope", s.filterPolicy.scope().awsName());
      }
      return ImmutableMap.copyOf(out);
    }
  }

  /**
   * SetSubscriptionAttributes: {@code FilterPolicy}, {@code FilterPolicyScope}, {@code
   * RawMessageDelivery}, {@code RedrivePolicy}, {@code DeliveryPolicy} (HTTP/S only).
   *
   * @throws SnsException NotFound, InvalidParameter, FilterPolicyLimitExceeded
   */
  public void setSubscriptionAttributes(
      String subscriptionArn, String attributeName, String attributeValue) {
    synchronized (context.lock()) {
      SubscriptionState s = subscription(subscriptionArn);
      SubscriptionUpdate update = new SubscriptionUpdate(s);
      update.set(attributeName, attributeValue == null ? "" : attributeValue);
      update.checkLimits();
      update.apply();
    }
  }

  private SubscriptionState subscription(String arn) {
    SubscriptionState s = arn == null ? null : subscriptions.get(arn);
    if (s == null) {
      throw SnsErrors.notFound("Subscription");
    }
    return s;
  }

  /**
   * Validates a set of attribute changes before applying any, so a rejected call changes nothing.
   */
  private final class SubscriptionUpdate {
    private final SubscriptionState s;
    private final Map<String, String> changes = new LinkedHashMap<>();
    private String policyText;
    private FilterPolicyScope scope;
    private Boolean raw;
    private String dlq;
    private DeliveryPolicy deliveryPolicy;

    SubscriptionUpdate(SubscriptionState s) {
      this.s = s;
      this.policyText = s.attributes.get("FilterPolicy");
      this.scope = s.filterPolicy == null ? scopeOf(s) : s.filterPolicy.scope();
    }

    private FilterPolicyScope scopeOf(SubscriptionState sub) {
      String name = sub.attributes.get("FilterPolicyScope");
      FilterPolicyScope sc = name == null ? null : FilterPolicyScope.fromAwsName(name);
      return sc == null ? FilterPolicyScope.MESSAGE_ATTRIBUTES : sc;
    }

    void set(String name, String value) {
      if (name == null || !SUBSCRIPTION_ATTRIBUTES.contains(name)) {
        throw SnsErrors.invalidParameter("AttributeName");
      }
      changes.put(name, value);
      switch (name) {
        case "FilterPolicy" -> policyText = value.isEmpty() ? null : value;
        case "FilterPolicyScope" -> {
          scope = FilterPolicyScope.fromAwsName(value);
          if (scope == null) {
            throw SnsErrors.invalidParameter(
                "Attributes Reason: FilterPolicyScope: Invalid value [" + value + "].");
          }
        }
        case "RawMessageDelivery" -> {
          if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw SnsErrors.invalidParameter(
                "Attributes Reason: RawMessageDelivery: Invalid value ["
                    + value
                    + "]. Must be"
                    + " true or false.");
          }
          if (s.protocol.equals("lambda") && value.equalsIgnoreCase("true")) {
            throw SnsErrors.invalidParameter(
                "Attributes Reason: RawMessageDelivery is not supported for protocol lambda");
          }
          raw = Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT));
        }
        case "RedrivePolicy" -> dlq = value.isEmpty() ? "" : deadLetterTarget(value);
        case "DeliveryPolicy" -> {
          if (!s.isHttp()) {
            throw SnsErrors.invalidParameter(
                "DeliveryPolicy: only HTTP/S delivery policies can be changed");
          }
          if (!value.isEmpty()) {
            Map<?, ?> policy = jsonObject(value, "DeliveryPolicy");
            DeliveryPolicy.checkThrottlePolicy(policy.get("throttlePolicy"));
            Object healthy = policy.get("healthyRetryPolicy");
            deliveryPolicy =
                healthy instanceof Map<?, ?> p
                    ? DeliveryPolicy.fromHealthyRetryPolicy(p, limits)
                    : httpDefaultPolicy;
          }
        }
        default -> {
          // SubscriptionRoleArn is kept as given (Firehose only).
        }
      }
    }

    private String deadLetterTarget(String json) {
      Object target = jsonObject(json, "RedrivePolicy").get("deadLetterTargetArn");
      if (!(target instanceof String arn) || !arn.startsWith("arn:aws:sqs:")) {
        throw SnsErrors.invalidParameter("RedrivePolicy: deadLetterTargetArn is an invalid arn");
      }
      // arn:aws:sqs:<region>:<account>:<name>; the DLQ is in the subscription's account and Region
      // (https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html).
      String[] parts = arn.split(":", -1);
      if (parts.length != 6
          || !parts[3].equals(context.account().region())
          || !parts[4].equals(context.account().accountId())) {
        throw SnsErrors.invalidParameter(
            "RedrivePolicy: deadLetterTargetArn must be an SQS queue in the subscription's account"
                + " and Region");
      }
      if (s.topic.fifo && !arn.endsWith(".fifo")) {
        // A FIFO topic's subscription needs an SQS FIFO queue as its DLQ
        // (sns-dead-letter-queues.html).
        throw SnsErrors.invalidParameter(
            "RedrivePolicy: must use a FIFO queue as DLQ for a FIFO topic subscription");
      }
      return arn;
    }

    private FilterPolicy parsedPolicy;

    void checkLimits() {
      if (policyText == null) {
        return;
      }
      parsedPolicy = FilterPolicy.parse(policyText, scope, limits);
      if (s.filterPolicy == null) {
        long withPolicy =
            s.topic.subscriptions.stream().filter(x -> x.filterPolicy != null).count();
        if (withPolicy >= limits.maxFilterPoliciesPerTopic()) {
          throw SnsErrors.filterPolicyLimitExceeded("topic", limits.maxFilterPoliciesPerTopic());
        }
        if (filterPolicies >= limits.maxFilterPoliciesPerAccount()) {
          throw SnsErrors.filterPolicyLimitExceeded(
              "account", limits.maxFilterPoliciesPerAccount());
        }
      }
    }

    void apply() {
      s.attributes.putAll(changes);
      if (policyText == null) {
        s.attributes.remove("FilterPolicy");
      }
      if (s.filterPolicy == null && parsedPolicy != null) {
        filterPolicies++;
      } else if (s.filterPolicy != null && parsedPolicy == null) {
        filterPolicies--;
      }
      s.filterPolicy = parsedPolicy;
      if (raw != null) {
        s.raw = raw;
        s.attributes.remove("RawMessageDelivery");
      }
      if (dlq != null) {
        s.deadLetterTargetArn = dlq.isEmpty() ? null : dlq;
      }
      if (deliveryPolicy != null || "".equals(changes.get("DeliveryPolicy"))) {
        s.deliveryPolicy = deliveryPolicy;
      }
    }
  }

  // ------------------------------------------------------------ publish

  /**
   * Publish.
   *
   * @throws SnsException NotFound, InvalidParameter, ParameterValueInvalid
   * @throws NullPointerException if {@code request} is null
   */
  public PublishResult publish(PublishRequest request) {
    checkNotNull(request, "request");
    synchronized (context.lock()) {
      Topic t = topic(request.topicArn());
      Checked c = check(t, request);
      return accept(t, request, c);
    }
  }

  /**
   * PublishBatch: up to 10 entries, each published or failed on its own; FIFO entries in order.
   *
   * @throws SnsException NotFound, EmptyBatchRequest, TooManyEntriesInBatchRequest,
   *     BatchEntryIdsNotDistinct, InvalidBatchEntryId, BatchRequestTooLong
   */
  public PublishBatchResult publishBatch(String topicArn, List<PublishBatchRequestEntry> entries) {
    synchronized (context.lock()) {
      Topic t = topic(topicArn);
      if (entries == null || entries.isEmpty()) {
        throw SnsErrors.emptyBatch();
      }
      if (entries.size() > limits.maxBatchEntries()) {
        throw SnsErrors.tooManyEntries(limits.maxBatchEntries());
      }
      Set<String> ids = new HashSet<>();
      long total = 0;
      for (PublishBatchRequestEntry e : entries) {
        if (e == null || e.id() == null || !BATCH_ID.matcher(e.id()).matches()) {
          throw SnsErrors.invalidBatchEntryId();
        }
        if (!ids.add(e.id())) {
          throw SnsErrors.idsNotDistinct();
        }
        total += e.message() == null ? 0 : size(e.message());
      }
      if (total > limits.maxMessageBytes()) {
        throw SnsErrors.batchTooLong(limits.maxMessageBytes());
      }
      List<PublishBatchResult.Successful> ok = new ArrayList<>();
      List<PublishBatchResult.Failed> failed = new ArrayList<>();
      for (PublishBatchRequestEntry e : entries) {
        try {
          if (e.message() == null) {
            throw SnsErrors.invalidParameter("Empty message");
          }
          PublishRequest r = e.message();
          PublishRequest request =
              new PublishRequest(
                  t.arn,
                  r.message(),
                  r.subject(),
                  r.messageStructure(),
                  r.messageAttributes(),
                  r.messageGroupId(),
                  r.messageDeduplicationId());
          PublishResult result = accept(t, request, check(t, request));
          ok.add(
              new PublishBatchResult.Successful(
                  e.id(), result.messageId(), result.sequenceNumber()));
        } catch (SnsException ex) {
          failed.add(
              new PublishBatchResult.Failed(
                  e.id(), ex.errorCode(), ex.errorMessage(), ex.isSenderFault()));
        }
      }
      return new PublishBatchResult(ok, failed);
    }
  }

  /** The validated parts of a publish. */
  private record Checked(int bytes, Map<String, Object> perProtocol) {}

  private Checked check(Topic t, PublishRequest r) {
    String message = r.message();
    if (message == null || message.isEmpty()) {
      throw SnsErrors.invalidParameter("Empty message");
    }
    String subject = r.subject();
    if (subject != null
        && (subject.isEmpty()
            || subject.length() > SnsLimits.MAX_SUBJECT_LENGTH
            || subject.chars().anyMatch(Character::isISOControl))) {
      throw SnsErrors.invalidParameter("Subject");
    }
    Map<String, Object> perProtocol = null;
    if (r.messageStructure() != null) {
      if (!r.messageStructure().equals("json")) {
        throw SnsErrors.invalidParameter("MessageStructure");
      }
      Object parsed;
      try {
        parsed = Json.parse(message);
      } catch (Json.MalformedJson e) {
        throw SnsErrors.invalidParameter("Message Structure - JSON message body failed to parse");
      }
      if (!(parsed instanceof Map<?, ?> m) || !(m.get("default") instanceof String)) {
        throw SnsErrors.invalidParameter(
            "Message Structure - No default entry in JSON message body");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) m;
      perProtocol = map;
    }
    for (Map.Entry<String, MessageAttributeValue> e : r.messageAttributes().entrySet()) {
      checkAttribute(e.getKey(), e.getValue());
    }
    int bytes = size(r);
    if (bytes > limits.maxMessageBytes()) {
      throw SnsErrors.invalidParameter("Message too long");
    }
    if (t.fifo) {
      if (r.messageGroupId() == null) {
        throw SnsErrors.invalidParameter(
            "The MessageGroupId parameter is required for FIFO topics");
      }
      if (!FIFO_ID.matcher(r.messageGroupId()).matches()) {
        throw SnsErrors.invalidParameter("MessageGroupId");
      }
      if (r.messageDeduplicationId() == null && !t.contentBasedDeduplication()) {
        throw SnsErrors.invalidParameter(
            "The topic should either have ContentBasedDeduplication enabled or"
                + " MessageDeduplicationId provided explicitly");
      }
      if (r.messageDeduplicationId() != null
          && !FIFO_ID.matcher(r.messageDeduplicationId()).matches()) {
        throw SnsErrors.invalidParameter("MessageDeduplicationId");
      }
    } else if (r.messageGroupId() != null && !FIFO_ID.matcher(r.messageGroupId()).matches()) {
      // A standard topic takes a group id too and forwards it to its SQS standard subscriptions
      // (fair queues; https://docs.aws.amazon.com/sns/latest/dg/sns-publishing.html).
      throw SnsErrors.invalidParameter("MessageGroupId");
    } else if (r.messageDeduplicationId() != null) {
      throw SnsErrors.invalidParameter(
          "MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter"
              + " that is not valid for this topic type");
    }
    return new Checked(bytes, perProtocol);
  }

  private static int size(PublishRequest r) {
    int bytes = Utf8.length(r.message());
    for (Map.Entry<String, MessageAttributeValue> e : r.messageAttributes().entrySet()) {
      if (e.getValue() != null) {
        bytes += e.getValue().sizeInBytes(e.getKey());
      }
    }
    return bytes;
  }

  private static void checkAttribute(String name, MessageAttributeValue v) {
    if (!validAttributeName(name)) {
      throw invalidValue("The message attribute name is invalid.");
    }
    if (v == null || v.dataType() == null || v.dataType().isEmpty()) {
      throw invalidValue("The message attribute '" + name + "' must contain a data type.");
    }
    String type = v.baseType();
    boolean binary = type.equals("Binary");
    if (!binary
        && !type.equals("String")
        && !type.equals("Number")
        && !type.equals("String.Array")) {
      throw invalidValue(
          "The message attribute '"
              + name
              + "' has an invalid message attribute type, the set of supported type prefixes is"
              + " Binary, Number, and String.");
    }
    boolean empty =
        binary
            ? v.binaryValueUnsafe() == null || v.binaryValueUnsafe().length == 0
            : v.stringValue() == null || v.stringValue().isEmpty();
    if (empty) {
      throw invalidValue(
          "The message attribute '"
              + name
              + "' must contain non-empty message attribute value for message attribute type '"
              + type
              + "'.");
    }
    if (type.equals("Number")) {
      try {
        new BigDecimal(v.stringValue().trim());
      } catch (NumberFormatException e) {
        throw invalidValue(
            "An error occurred while trying to parse the value of the message attribute '"
                + name
                + "' as type Number.");
      }
    }
    if (type.equals("String.Array")) {
      boolean ok;
      try {
        ok = Json.parse(v.stringValue()) instanceof List<?>;
      } catch (Json.MalformedJson e) {
        ok = false;
      }
      if (!ok) {
        throw invalidValue(
            "The message attribute '" + name + "' with type 'String.Array' must be a JSON array.");
      }
    }
  }

  /**
   * A message attribute name: 1 to 256 of A-Z, a-z, 0-9, {@code _}, {@code -} and {@code .}, not
   * starting or ending with a period nor holding two in a row, not starting with {@code AWS.} or
   * {@code Amazon.} in any case
   * (https://docs.aws.amazon.com/sns/latest/dg/sns-message-attributes.html). A loop, not a regular
   * expression: every publish checks every name.
   */
  private static boolean validAttributeName(String name) {
    int n = name == null ? 0 : name.length();
    if (n == 0 || n > 256 || name.charAt(0) == '.' || name.charAt(n - 1) == '.') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-'
              || (c == '.' && name.charAt(i - 1) != '.');
      if (!ok) {
        return false;
      }
    }
    return !name.regionMatches(true, 0, "AWS.", 0, 4)
        && !name.regionMatches(true, 0, "Amazon.", 0, 7);
  }

  /**
   * Admits one message of {@code bytes} on FIFO topic {@code t} in Topic scope, or throws
   * Throttled; a refused message consumes nothing.
   */
  private static void acquireFifoThroughput(Topic t, int bytes, long now) {
    if (t.fifoMessages == null) {
      t.fifoMessages = SlidingWindowLimiter.perSecond(SnsLimits.FIFO_TOPIC_MESSAGES_PER_SECOND);
      t.fifoBytes = SlidingWindowLimiter.perSecond(SnsLimits.FIFO_TOPIC_BYTES_PER_SECOND);
    }
    if (!t.fifoMessages.estimate(1, now).isAdmitted()
        || !t.fifoBytes.estimate(bytes, now).isAdmitted()) {
      throw SnsErrors.throttled();
    }
    t.fifoMessages.record(1, now);
    t.fifoBytes.record(bytes, now);
  }

  private static SnsException invalidValue(String message) {
    return new SnsException("ParameterValueInvalid", 400, message);
  }

  private PublishResult accept(Topic t, PublishRequest r, Checked c) {
    long now = context.clock().nanos();
    if (t.fifo && !t.dedupPerGroup()) {
      acquireFifoThroughput(t, c.bytes(), now);
    }
    metric(t, TopicMetric.NUMBER_OF_MESSAGES_PUBLISHED).recordHoldingLock(1);
    metric(t, TopicMetric.PUBLISH_SIZE).recordHoldingLock(c.bytes());
    String dedupId = null;
    String dedupKey = null;
    if (t.fifo) {
      dedupId =
          r.messageDeduplicationId() != null
              ? r.messageDeduplicationId()
              : Hashing.sha256().hashString(r.message(), StandardCharsets.UTF_8).toString();
      dedupKey = t.dedupPerGroup() ? r.messageGroupId() + "\u0000" + dedupId : dedupId;
      expireDedup(t, now);
      Topic.Dedup seen = t.dedup.get(dedupKey);
      if (seen != null) {
        context.trace().record(SnsEventType.DEDUPLICATED, t.name);
        return seen.result();
      }
    }
    if (t.ids == null) {
      t.ids = context.random().stream("sns/" + t.name + "/ids");
    }
    String messageId = RandomIds.uuid(t.ids).toString();
    String sequence =
        t.fifo ? String.format(java.util.Locale.ROOT, "1%019d", ++t.lastSequence) : null;
    PublishResult result = new PublishResult(messageId, sequence);
    if (dedupKey != null) {
      t.dedup.put(
          dedupKey, new Topic.Dedup(result, now + limits.fifoDeduplicationInterval().toNanos()));
    }
    if (context.trace().isEnabled()) {
      context
          .trace()
          .record(SnsEventType.PUBLISHED, t.name, ImmutableMap.of("messageId", messageId));
    }
    Envelopes.Published m =
        new Envelopes.Published(
            messageId,
            sequence,
            t.arn,
            r.subject(),
            r.message(),
            c.perProtocol(),
            r.messageAttributes(),
            r.messageGroupId(),
            dedupId,
            context.clock().now());
    FilterPolicy.Input filterInput = null;
    for (SubscriptionState s : t.fanOut()) {
      if (!s.confirmed()) {
        continue;
      }
      if (s.filterPolicy != null) {
        if (filterInput == null) {
          filterInput = new FilterPolicy.Input(m.attributes());
        }
        if (!passesFilter(s, m, filterInput)) {
          continue;
        }
      }
      deliver(s, m);
    }
    return result;
  }

  /**
   * A deduplication id covers [t0, t0 + 5 min): at exactly t0 + 5 min the same id is new again
   * (half-open periods; the map is in insertion order, so expiry stops at the first live entry).
   */
  private static void expireDedup(Topic t, long now) {
    Iterator<Topic.Dedup> it = t.dedup.values().iterator();
    while (it.hasNext()) {
      if (it.next().expiresAtNanos() > now) {
        return;
      }
      it.remove();
    }
  }

  /** Whether {@code s}'s filter policy keeps {@code m}; {@code input} is shared by the publish. */
  private boolean passesFilter(
      SubscriptionState s, Envelopes.Published m, FilterPolicy.Input input) {
    FilterPolicy p = s.filterPolicy;
    FilterPolicy.Outcome outcome =
        p.scope() == FilterPolicyScope.MESSAGE_BODY
            ? p.matchBody(input, m.messageFor(s.protocol))
            : p.matchAttributes(input);
    if (outcome == FilterPolicy.Outcome.MATCH) {
      return true;
    }
    Topic t = s.topic;
    metric(t, TopicMetric.NUMBER_OF_NOTIFICATIONS_FILTERED_OUT).recordHoldingLock(1);
    TopicMetric detail =
        switch (outcome) {
          case NO_MESSAGE_ATTRIBUTES -> TopicMetric.FILTERED_OUT_NO_MESSAGE_ATTRIBUTES;
          case INVALID_ATTRIBUTES -> TopicMetric.FILTERED_OUT_INVALID_ATTRIBUTES;
          case INVALID_MESSAGE_BODY -> TopicMetric.FILTERED_OUT_INVALID_MESSAGE_BODY;
          default ->
              p.scope() == FilterPolicyScope.MESSAGE_BODY
                  ? TopicMetric.FILTERED_OUT_MESSAGE_BODY
                  : TopicMetric.FILTERED_OUT_MESSAGE_ATTRIBUTES;
        };
    metric(t, detail).recordHoldingLock(1);
    if (context.trace().isEnabled()) {
      context
          .trace()
          .record(SnsEventType.FILTERED_OUT, t.name, ImmutableMap.of("subscription", s.arn));
    }
    return false;
  }

  /** The topic's series of {@code metric}, created when first recorded (ListMetrics order). */
  private MetricSeries metric(Topic t, TopicMetric metric) {
    MetricSeries series = t.metrics[metric.ordinal()];
    if (series == null) {
      series =
          context.metrics().series(NAMESPACE, metric.awsName, Dimensions.of("TopicName", t.name));
      t.metrics[metric.ordinal()] = series;
    }
    return series;
  }

  // ------------------------------------------------------------ delivery

  /** One message on its way to one subscription. */
  private final class Delivery {
    final SubscriptionState s;
    final Envelopes.Published m;
    final Supplier<DeliveryStatus> send;

    /** The protocol's message, and the body and attributes sent (fixed when the message is). */
    final String message;

    final String body;
    final Map<String, MessageAttributeValue> attrs;
    boolean blocking;

    Delivery(SubscriptionState s, Envelopes.Published m) {
      this.s = s;
      this.m = m;
      this.message = m.messageFor(s.protocol);
      this.body =
          s.raw || s.protocol.equals("lambda")
              ? message
              : envelopes.notification(m, message, s.arn);
      this.attrs = s.raw ? m.attributes() : ImmutableMap.of();
      this.send =
          switch (s.protocol) {
            case "sqs" -> {
              QueueDelivery q =
                  new QueueDelivery(
                      s.endpoint, body, attrs, m.messageGroupId(), m.messageDeduplicationId());
              yield () -> queues.send(q);
            }
            case "lambda" -> {
              String event = envelopes.lambdaEvent(m, message, s.arn);
              yield () -> invokeFunction(s.endpoint, event);
            }
            default -> {
              Map<String, String> headers = new LinkedHashMap<>();
              headers.put("x-amz-sns-message-type", "Notification");
              headers.put("x-amz-sns-message-id", m.messageId());
              headers.put("x-amz-sns-topic-arn", m.topicArn());
              headers.put("x-amz-sns-subscription-arn", s.arn);
              if (s.raw) {
                headers.put("x-amz-sns-rawdelivery", "true");
              }
              headers.put("Content-Type", "text/plain; charset=UTF-8");
              HttpDelivery post = new HttpDelivery(s.endpoint, headers, body);
              yield () -> post(post);
            }
          };
    }

    /**
     * What a dead-letter queue gets: the body sent, or for a function the JSON envelope (built only
     * when a message is redriven).
     */
    String dlqBody() {
      return s.protocol.equals("lambda") ? envelopes.notification(m, message, s.arn) : body;
    }
  }

  private DeliveryStatus invokeFunction(String arn, String event) {
    FunctionEndpoint f = functions.get(arn);
    if (f == null) {
      return DeliveryStatus.CLIENT_ERROR;
    }
    try {
      DeliveryStatus status = f.invoke(event);
      return status == null ? DeliveryStatus.SERVER_ERROR : status;
    } catch (RuntimeException e) {
      return DeliveryStatus.SERVER_ERROR;
    }
  }

  /**
   * 200 to 499 is a delivery (SendMessageToHttp.prepare.html); the rest, or no answer, is retried.
   */
  private DeliveryStatus post(HttpDelivery post) {
    HttpEndpoint handler = httpEndpoints.get(post.url());
    if (handler == null) {
      return DeliveryStatus.SERVER_ERROR;
    }
    int status;
    try {
      status = handler.handle(post);
    } catch (RuntimeException e) {
      return DeliveryStatus.SERVER_ERROR;
    }
    return status >= 200 && status < 500 ? DeliveryStatus.DELIVERED : DeliveryStatus.SERVER_ERROR;
  }

  private void deliver(SubscriptionState s, Envelopes.Published m) {
    Delivery d = new Delivery(s, m);
    if (s.topic.fifo) {
      ArrayDeque<Runnable> waiting = s.blockedGroups.get(m.messageGroupId());
      if (waiting != null) {
        waiting.add(() -> attempt(d, 0));
        return;
      }
    }
    attempt(d, 0);
  }

  /**
   * Attempt {@code retry} (0 = the first); immediate retries run at once, the rest on the clock.
   */
  private void attempt(Delivery d, long retry) {
    SubscriptionState s = d.s;
    Topic t = s.topic;
    DeliveryPolicy policy = s.retryPolicy(managedPolicy);
    long r = retry;
    while (true) {
      if (s.deleted) {
        unblock(d);
        return;
      }
      DeliveryStatus status = d.send.get();
      if (status == DeliveryStatus.DELIVERED) {
        metric(t, TopicMetric.NUMBER_OF_NOTIFICATIONS_DELIVERED).recordHoldingLock(1);
        if (context.trace().isEnabled()) {
          context.trace().record(SnsEventType.DELIVERED, t.name, attrs(d, r));
        }
        unblock(d);
        return;
      }
      if (s.isHttp()) {
        // For HTTP/S the metric counts every failed attempt (sns-monitoring-using-cloudwatch.html).
        metric(t, TopicMetric.NUMBER_OF_NOTIFICATIONS_FAILED).recordHoldingLock(1);
      }
      long delay = status == DeliveryStatus.SERVER_ERROR ? policy.delayNanosBefore(r + 1) : -1;
      if (delay == 0) {
        r++;
        continue;
      }
      if (delay > 0) {
        long next = r + 1;
        if (t.fifo && !d.blocking) {
          d.blocking = true;
          s.blockedGroups.putIfAbsent(d.m.messageGroupId(), new ArrayDeque<>());
        }
        context.trace().record(SnsEventType.DELIVERY_RETRY_SCHEDULED, t.name, attrs(d, r));
        context.scheduler().afterNanos(delay, () -> retry(d, next));
        return;
      }
      if (!s.isHttp()) {
        metric(t, TopicMetric.NUMBER_OF_NOTIFICATIONS_FAILED).recordHoldingLock(1);
      }
      context.trace().record(SnsEventType.DELIVERY_FAILED, t.name, attrs(d, r));
      redrive(d);
      unblock(d);
      return;
    }
  }

  private void retry(Delivery d, long retry) {
    synchronized (context.lock()) {
      attempt(d, retry);
    }
  }

  private static ImmutableMap<String, String> attrs(Delivery d, long retry) {
    return ImmutableMap.of(
        "subscription", d.s.arn, "messageId", d.m.messageId(), "retry", Long.toString(retry));
  }

  private void redrive(Delivery d) {
    SubscriptionState s = d.s;
    if (s.deadLetterTargetArn == null) {
      return;
    }
    QueueDelivery q =
        new QueueDelivery(
            s.deadLetterTargetArn,
            d.dlqBody(),
            d.attrs,
            d.m.messageGroupId(),
            d.m.messageDeduplicationId());
    if (queues.send(q) == DeliveryStatus.DELIVERED) {
      metric(s.topic, TopicMetric.NUMBER_OF_NOTIFICATIONS_REDRIVEN_TO_DLQ).recordHoldingLock(1);
      context.trace().record(SnsEventType.MOVED_TO_DLQ, s.topic.name, attrs(d, 0));
    } else {
      metric(s.topic, TopicMetric.NUMBER_OF_NOTIFICATIONS_FAILED_TO_REDRIVE_TO_DLQ)
          .recordHoldingLock(1);
    }
  }

  /** After a blocking FIFO delivery ends, the deliveries of its group that waited go in order. */
  private void unblock(Delivery d) {
    if (!d.blocking) {
      return;
    }
    d.blocking = false;
    String group = d.m.messageGroupId();
    ArrayDeque<Runnable> waiting = d.s.blockedGroups.remove(group);
    while (waiting != null && !waiting.isEmpty()) {
      ArrayDeque<Runnable> reblocked = d.s.blockedGroups.get(group);
      if (reblocked != null) {
        reblocked.addAll(waiting);
        return;
      }
      waiting.poll().run();
    }
  }
}
