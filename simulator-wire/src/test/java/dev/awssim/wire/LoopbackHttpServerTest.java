package dev.awssim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request-head reader of {@link LoopbackHttpServer} on raw sockets: lines cut out of its buffer
 * whatever the pieces the bytes arrive in, bare LF endings, folded headers, chunked bodies and the
 * head size limit. The handler answers the header {@code X-Echo} and the body it read.
 */
@SuppressForbidden(reason = "the JDK HTTP server's exchange type")
class LoopbackHttpServerTest {
  private LoopbackHttpServer server;
  private Socket socket;

  @BeforeEach
  void start() throws IOException {
    server = LoopbackHttpServer.bind(0, 8);
    server.createContext("/", LoopbackHttpServerTest::echo);
    server.start();
    socket = new Socket(server.address().getAddress(), server.address().getPort());
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(10_000);
  }

  @AfterEach
  void stop() throws IOException {
    socket.close();
    server.stop();
  }

  private static void echo(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String echo = exchange.getRequestHeaders().getFirst("X-Echo");
    byte[] answer =
        (echo + "|" + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, answer.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer);
    }
  }

  /** Writes {@code request} in pieces of {@code piece} bytes, each flushed on its own. */
  private void send(String request, int piece) throws IOException {
    byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
    OutputStream out = socket.getOutputStream();
    for (int i = 0; i < bytes.length; i += piece) {
      out.write(bytes, i, Math.min(piece, bytes.length - i));
      out.flush();
    }
  }

  /** The next response's status line and body (read by its Content-Length). */
  private String response() throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
      head.write(c);
    }
    String h = head.toString(StandardCharsets.ISO_8859_1);
    int at = h.indexOf("Content-Length: ");
    int length = Integer.parseInt(h.substring(at + 16, h.indexOf("\r\n", at)));
    String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
    return h.substring(0, h.indexOf("\r\n")) + " " + body;
  }

  @Test
  void headArrivingOneByteAtATime_isReadWhole_andTheConnectionServesTheNext() throws IOException {
    send("POST / HTTP/1.1\r\nX-Echo: a b\r\nContent-Length: 2\r\n\r\nhi", 1);
    assertEquals("HTTP/1.1 200 OK a b|hi", response());
    send("POST / HTTP/1.1\r\nX-Echo: second\r\nContent-Length: 0\r\n\r\n", 7);
    assertEquals("HTTP/1.1 200 OK second|", response());
  }

  @Test
  void bareLfEndings_emptyLinesBeforeTheRequest_andFoldedHeaders() throws IOException {
    send("\r\n\nPOST / HTTP/1.1\nX-Echo: one\n  two\r\n\tthree\nContent-Length: 1\n\nx", 3);
    assertEquals("HTTP/1.1 200 OK one two three|x", response());
  }

  @Test
  void chunkedBody_withExtensionsAndTrailers_isReadWhole() throws IOException {
    String head = "POST / HTTP/1.1\r\nX-Echo: c\r\nTransfer-Encoding: chunked\r\n\r\n";
    String chunks = "3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nTrailer: t\r\n\r\n";
    send(head + chunks, 5);
    assertEquals("HTTP/1.1 200 OK c|abcde", response());
  }

  @Test
  void headLargerThanTheLimit_isAnswered400AndClosed() throws IOException {
    String big = "x".repeat(LoopbackHttpServer.MAX_HEAD_BYTES);
    send("POST / HTTP/1.1\r\nX-Echo: " + big + "\r\n\r\n", 16 * 1024);
    String answer = response();
    assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request"), answer);
    assertEquals(-1, socket.getInputStream().read(), "connection closed");
  }

  @Test
  void headOfExactlyTheLimit_isServed() throws IOException {
    String start = "POST / HTTP/1.1\r\nX-Echo: ";
    String end = "\r\nContent-Length: 0\r\n\r\n";
    String value = "y".repeat(LoopbackHttpServer.MAX_HEAD_BYTES - start.length() - end.length());
    send(start + value + end, 4096);
    assertEquals("HTTP/1.1 200 OK " + value + "|", response());
  }
}
