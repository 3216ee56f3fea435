package dev.awssim.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection to 127.0.0.1 that sends pre-built requests and reads each
 * response by its {@code Content-Length}: the least a client can do, so that what a request costs
 * through it is the server's per-exchange cost plus the loopback round trip.
 */
public final class RawHttpConnection implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] buffer = new byte[64 * 1024];

  /**
   * Connects to {@code port} on the loopback interface, with {@code TCP_NODELAY}.
   *
   * @throws IOException if the connection fails
   */
  public RawHttpConnection(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setTcpNoDelay(true);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  /**
   * A {@code POST /} of an AWS JSON or CBOR request with a fake SigV4 {@code Authorization}
   * (servers that accept any signature still want one shaped like it).
   */
  public static byte[] awsPost(
      int port, String target, String contentType, String service, byte[] body) {
    String head =
        "POST / HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + "\r\nContent-Type: "
            + contentType
            + "\r\nX-Amz-Target: "
            + target
            + "\r\nX-Amz-Date: 20261202T000000Z\r\n"
            + "Authorization: AWS4-HMAC-SHA256 Credential=x/20261202/us-east-1/"
            + service
            + "/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=00\r\n"
            + "Content-Length: "
            + body.length
            + "\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] request = new byte[h.length + body.length];
    System.arraycopy(h, 0, request, 0, h.length);
    System.arraycopy(body, 0, request, h.length, body.length);
    return request;
  }

  /** Sends {@code request} and reads its response; the length of the response body. */
  public int exchange(byte[] request) throws IOException {
    out.write(request);
    return readResponse(null);
  }

  /** Sends {@code request}; its response's head and body as text, for checks. */
  public String exchangeText(byte[] request) throws IOException {
    out.write(request);
    StringBuilder head = new StringBuilder();
    int n = readResponse(head);
    return head + new String(buffer, 0, n, StandardCharsets.UTF_8);
  }

  private int readResponse(StringBuilder head) throws IOException {
    int length = readHead(in, head);
    if (length < 0) {
      throw new IOException("connection closed");
    }
    return in.readNBytes(buffer, 0, length);
  }

  /**
   * Reads a request's or response's head (appended to {@code head} if given): its {@code
   * Content-Length} (0 without one), or -1 when the stream ends first.
   */
  static int readHead(InputStream in, StringBuilder head) throws IOException {
    int length = 0;
    StringBuilder line = new StringBuilder();
    while (true) {
      int c = in.read();
      if (c < 0) {
        return -1;
      }
      if (c != '\n') {
        line.append((char) c);
        continue;
      }
      String l = line.toString().trim();
      line.setLength(0);
      if (head != null) {
        head.append(l).append('\n');
      }
      if (l.isEmpty()) {
        return length;
      }
      if (l.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(l.substring("content-length:".length()).trim());
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
