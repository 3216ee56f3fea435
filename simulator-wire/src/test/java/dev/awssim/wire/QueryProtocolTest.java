package dev.awssim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * SQS over the Query protocol, with form bodies as an AWS CLI that speaks it (Debian's awscli 2.9)
 * sends them, and XML answers checked element by element.
 */
class QueryProtocolTest {
  private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
  private static final String URL = "https://sqs.us-east-1.amazonaws.com/000000000000/";

  private WireServer server;

  @BeforeEach
  void start() {
    server = WireServer.builder().seed(9).port(0).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<byte[]> query(String form) {
    return Http.post(server, null, FORM, "Version=2012-11-05&" + form);
  }

  private static Document xml(HttpResponse<byte[]> r) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
    } catch (Exception e) {
      throw new AssertionError(Http.text(r), e);
    }
  }

  private static List<String> texts(Document d, String tag) {
    NodeList nodes = d.getElementsByTagName(tag);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  @Test
  void createSendReceive_flattenedAttributesAndMessageAttributes() {
    HttpResponse<byte[]> created =
        query(
            "Action=CreateQueue&QueueName=q1&Attribute.1.Name=VisibilityTimeout&Attribute.1.Value=45");
    assertEquals(200, created.statusCode(), Http.text(created));
    Document c = xml(created);
    assertEquals(List.of(URL + "q1"), texts(c, "QueueUrl"));
    assertEquals(1, texts(c, "RequestId").size());

    HttpResponse<byte[]> sent =
        query(
            "Action=SendMessage&QueueUrl="
                + URL
                + "q1&MessageBody=hello+%26+bye"
                + "&MessageAttribute.1.Name=kind&MessageAttribute.1.Value.DataType=String"
                + "&MessageAttribute.1.Value.StringValue=order");
    assertEquals(200, sent.statusCode(), Http.text(sent));
    assertEquals(1, texts(xml(sent), "MessageId").size());

    HttpResponse<byte[]> got =
        query(
            "Action=ReceiveMessage&QueueUrl="
                + URL
                + "q1&AttributeName.1=ApproximateReceiveCount&MessageAttributeName.1=All"
                + "&MaxNumberOfMessages=10");
    Document r = xml(got);
    assertEquals(List.of("hello & bye"), texts(r, "Body"));
    assertEquals(List.of("ApproximateReceiveCount", "kind"), texts(r, "Name"));
    assertEquals(List.of("order"), texts(r, "StringValue"));

    Document attrs =
        xml(
            query(
                "Action=GetQueueAttributes&QueueUrl="
                    + URL
                    + "q1&AttributeName.1=VisibilityTimeout"));
    assertEquals(List.of("VisibilityTimeout45"), texts(attrs, "Attribute"));
  }

  @Test
  void sendMessageBatch_entriesByStructureName() {
    query("Action=CreateQueue&QueueName=b1");
    Document d =
        xml(
            query(
                "Action=SendMessageBatch&QueueUrl="
                    + URL
                    + "b1&SendMessageBatchRequestEntry.1.Id=a&SendMessageBatchRequestEntry.1.MessageBody=x"
                    + "&SendMessageBatchRequestEntry.2.Id=b&SendMessageBatchRequestEntry.2.MessageBody=y"));
    assertEquals(List.of("a", "b"), texts(d, "Id"));
    assertEquals(2, d.getElementsByTagName("SendMessageBatchResultEntry").getLength());
  }

  @Test
  void missingQueue_isXmlErrorWithLegacyCode() {
    HttpResponse<byte[]> r = query("Action=GetQueueUrl&QueueName=nope");
    assertEquals(400, r.statusCode());
    Document d = xml(r);
    assertEquals(List.of("AWS.SimpleQueueService.NonExistentQueue"), texts(d, "Code"));
    assertEquals(List.of("Sender"), texts(d, "Type"));
    assertEquals(1, texts(d, "RequestId").size());
  }

  @Test
  void unknownAction_is400InvalidAction() {
    HttpResponse<byte[]> r = query("Action=Frobnicate");
    assertEquals(400, r.statusCode());
    assertEquals(List.of("InvalidAction"), texts(xml(r), "Code"));
  }

  @Test
  void badNumber_is400InvalidParameterValue_andChangesNothing() {
    HttpResponse<byte[]> r =
        query(
            "Action=CreateQueue&QueueName=q2&Attribute.1.Name=VisibilityTimeout&Attribute.1.Value=abc");
    assertEquals(400, r.statusCode());
    assertEquals(0, server.simulator().sqs().listQueues().queueUrls().size());
    HttpResponse<byte[]> typed =
        query("Action=ReceiveMessage&QueueUrl=" + URL + "q2&MaxNumberOfMessages=ten");
    assertEquals(List.of("InvalidParameterValue"), texts(xml(typed), "Code"));
  }
}
