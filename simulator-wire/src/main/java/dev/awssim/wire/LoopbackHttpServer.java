package dev.awssim.wire;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server on the loopback interface that serves the JDK's {@link HttpHandler}s: a
 * thread per connection, which reads a request, runs the handler and writes the response's status
 * line, headers and (buffered) body in one write, then reads the connection's next request.
 *
 * <h2>Why not the JDK's {@code HttpServer}?</h2>
 *
 * <p>The JDK server reads every request in two threads: its selector thread sees the connection
 * readable, cancels its key, switches the socket to blocking and hands the exchange to the
 * executor; when the response is written, the executor thread posts an event and wakes the selector
 * thread, which switches the socket back and registers it again. Each request thus waits for two
 * thread wake-ups beside the client's own, and on a loaded two-core machine a wake-up costs from
 * tens of microseconds to milliseconds. A raw keep-alive request loop measured 260-1,100 us a
 * request against the JDK server (fixed pool, {@code TCP_NODELAY}) and 30-70 us against a blocking
 * thread-per-connection server on the same machine, in the same run; dynalite (one node event loop)
 * took 80-100 us. Here the thread that reads a request writes its answer, and the only other
 * wake-up is the client's.
 *
 * <p>What it speaks: request bodies of a {@code Content-Length} or {@code Transfer-Encoding:
 * chunked}, {@code Expect: 100-continue}, keep-alive (HTTP/1.1 by default, HTTP/1.0 when asked) and
 * {@code Connection: close}; responses with a fixed length ({@link
 * HttpExchange#sendResponseHeaders} with a length), chunked (length 0: each {@code flush()} of the
 * body sends what was written, as a Server-Sent Events stream needs) or empty (length -1). A
 * handler may hand its exchange to another thread and return: the connection's next request is read
 * once the exchange is closed. A request whose head is malformed or larger than {@value
 * #MAX_HEAD_BYTES} bytes is answered 400 and its connection closed. Responses carry no {@code Date}
 * header: the server never reads the wall clock ([SIM]; HTTP lets an origin without a clock leave
 * it out, RFC 9110 section 6.6.1).
 */
@SuppressForbidden(reason = "serves the JDK HTTP server's handler and exchange types")
final class LoopbackHttpServer {
  /** The largest request line plus headers read. */
  static final int MAX_HEAD_BYTES = 64 * 1024;

  /** An unread rest of a request body up to this size is skipped to keep the connection. */
  private static final int DRAIN_BYTES = 64 * 1024;

  private static final int BUFFER_BYTES = 16 * 1024;
  private static final byte[] CRLF = {'\r', '\n'};

  private final ServerSocket socket;
  private final List<Map.Entry<String, HttpHandler>> contexts = new ArrayList<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final ExecutorService connections;
  private final Thread acceptor;
  private volatile boolean closed;
  private volatile RequestTimer timer;

  /**
   * A clock handed in from outside to time requests inside the server, for benchmarks: the server
   * itself never reads the wall clock ([SIM]).
   */
  interface RequestTimer {
    /** A reading of the clock, taken when a request's head has been read. */
    long start();

    /** Called with {@link #start()}'s reading once the request's response has been written. */
    void stop(long start);
  }

  /** Times each request from now on with {@code t} (null: no timing). */
  void timeRequests(RequestTimer t) {
    this.timer = t;
  }

  private LoopbackHttpServer(int port, int backlog) throws IOException {
    this.socket = new ServerSocket(port, backlog, InetAddress.getLoopbackAddress());
    AtomicInteger n = new AtomicInteger();
    this.connections =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "awssim-wire-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.acceptor = new Thread(this::accept, "awssim-wire-accept");
  }

  /**
   * A server bound to {@code port} on the loopback interface (0: a free one), not yet serving.
   *
   * @throws IOException if the port cannot be bound
   */
  static LoopbackHttpServer bind(int port, int backlog) throws IOException {
    return new LoopbackHttpServer(port, backlog);
  }

  /**
   * Serves the requests whose path starts with {@code prefix} with {@code handler}; the longest
   * matching prefix wins, as in the JDK server. Called before {@link #start()}.
   */
  synchronized void createContext(String prefix, HttpHandler handler) {
    contexts.add(Map.entry(prefix, handler));
    contexts.sort(
        Comparator.comparingInt((Map.Entry<String, HttpHandler> e) -> e.getKey().length())
            .reversed());
  }

  /** Starts accepting connections. */
  void start() {
    acceptor.start();
  }

  /** The bound address. */
  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /**
   * Stops accepting, closes every connection and interrupts the handlers still running (a stream
   * waiting for its next event).
   */
  void stop() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
    for (Socket s : open) {
      closeQuietly(s);
    }
    connections.shutdownNow();
  }

  private synchronized HttpHandler handler(String path) {
    for (Map.Entry<String, HttpHandler> e : contexts) {
      if (path.startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  private void accept() {
    while (!closed) {
      Socket s;
      try {
        s = socket.accept();
      } catch (IOException e) {
        if (closed) {
          return;
        }
        continue;
      }
      open.add(s);
      try {
        connections.execute(() -> serve(s));
      } catch (java.util.concurrent.RejectedExecutionException e) {
        open.remove(s);
        closeQuietly(s);
      }
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // nothing to do
    }
  }

  /** Reads and answers the requests of one connection until it closes or asks to. */
  private void serve(Socket s) {
    try (s) {
      s.setTcpNoDelay(true);
      Input in = new Input(s.getInputStream());
      OutputStream out = new BufferedOutputStream(s.getOutputStream(), BUFFER_BYTES);
      boolean more = true;
      while (more && !closed) {
        try {
          Head head = Head.read(in);
          if (head == null) {
            return;
          }
          more = exchange(s, head, in, out);
        } catch (BadRequest e) {
          out.write(
              "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          return;
        }
      }
    } catch (IOException e) {
      // The client went away, or the server is stopping.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(s);
    }
  }

  /** Serves one request; whether the connection can carry another. */
  private boolean exchange(Socket s, Head head, Input in, OutputStream out)
      throws IOException, InterruptedException {
    RequestTimer t = timer;
    long started = t == null ? 0 : t.start();
    URI uri;
    try {
      uri = new URI(head.target);
    } catch (URISyntaxException e) {
      uri = null;
    }
    BodyIn body = head.body(in);
    if (head.expectContinue()) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }
    Exchange ex = new Exchange(s, head, uri, body, out);
    if (uri == null) {
      ex.keepAlive = false;
    }
    HttpHandler handler = uri == null ? null : handler(uri.getPath() == null ? "" : uri.getPath());
    if (handler == null) {
      ex.sendResponseHeaders(uri == null ? 400 : 404, -1);
      ex.close();
    } else {
      try {
        handler.handle(ex);
      } catch (IOException | RuntimeException e) {
        if (!ex.headersSent()) {
          ex.sendResponseHeaders(500, -1);
        }
        ex.keepAlive = false;
        ex.close();
      }
    }
    try {
      ex.done.get();
    } catch (ExecutionException e) {
      return false;
    }
    if (t != null) {
      t.stop(started);
    }
    return ex.keepAlive && body.drain();
  }

  /** A request that cannot be parsed. */
  private static final class BadRequest extends IOException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message);
    }
  }

  /** A request line and headers. */
  @SuppressForbidden(reason = "the JDK HTTP server's exchange and headers types")
  private static final class Head {
    final String method;
    final String target;
    final String version;
    final Headers headers;

    private Head(String method, String target, String version, Headers headers) {
      this.method = method;
      this.target = target;
      this.version = version;
      this.headers = headers;
    }

    /** The next request's head, or null when the connection ends before one. */
    static Head read(Input in) throws IOException {
      int[] budget = {MAX_HEAD_BYTES};
      String line;
      do { // RFC 9112 section 2.2: ignore empty lines before the request line
        line = line(in, budget);
        if (line == null) {
          return null;
        }
      } while (line.isEmpty());
      int sp1 = line.indexOf(' ');
      int sp2 = line.lastIndexOf(' ');
      if (sp1 <= 0 || sp2 <= sp1 + 1 || !line.startsWith("HTTP/", sp2 + 1)) {
        throw new BadRequest("malformed request line");
      }
      Headers headers = new Headers();
      String name = null;
      String value = null;
      while (true) {
        String h = line(in, budget);
        if (h == null) {
          throw new BadRequest("connection closed inside the headers");
        }
        if (!h.isEmpty() && (h.charAt(0) == ' ' || h.charAt(0) == '\t')) {
          if (name == null) {
            throw new BadRequest("continuation before any header");
          }
          value = value + ' ' + h.trim(); // obsolete line folding
          continue;
        }
        if (name != null) {
          headers.add(name, value);
        }
        if (h.isEmpty()) {
          break;
        }
        int colon = h.indexOf(':');
        if (colon <= 0) {
          throw new BadRequest("malformed header");
        }
        name = h.substring(0, colon).trim();
        value = h.substring(colon + 1).trim();
      }
      return new Head(
          line.substring(0, sp1), line.substring(sp1 + 1, sp2), line.substring(sp2 + 1), headers);
    }

    /** One line without its CR LF (a bare LF also ends it), or null at the end of the stream. */
    static String line(Input in, int[] budget) throws IOException {
      return in.line(budget);
    }

    boolean expectContinue() {
      String e = headers.getFirst("Expect");
      return e != null && e.equalsIgnoreCase("100-continue") && version.equals("HTTP/1.1");
    }

    /** Whether the client lets the connection carry another request. */
    boolean keepAlive() {
      String c = headers.getFirst("Connection");
      if (version.equals("HTTP/1.0")) {
        return c != null && c.equalsIgnoreCase("keep-alive");
      }
      return c == null || !c.equalsIgnoreCase("close");
    }

    BodyIn body(Input in) throws IOException {
      String te = headers.getFirst("Transfer-Encoding");
      if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
        return new ChunkedIn(in);
      }
      List<String> lengths = headers.get("Content-Length");
      if (lengths == null || lengths.isEmpty()) {
        return new FixedIn(in, 0);
      }
      long n;
      try {
        n = Long.parseLong(lengths.get(0).trim());
      } catch (NumberFormatException e) {
        throw new BadRequest("malformed Content-Length");
      }
      for (String l : lengths) {
        if (!l.trim().equals(lengths.get(0).trim())) {
          throw new BadRequest("conflicting Content-Length");
        }
      }
      if (n < 0) {
        throw new BadRequest("negative Content-Length");
      }
      return new FixedIn(in, n);
    }
  }

  /**
   * A connection's input, buffered without {@code BufferedInputStream}'s lock on every call; the
   * lines of a request head are cut out of the buffer where they lie (the stack profiler put a
   * quarter of the server's own work in a byte-at-a-time head reader).
   */
  private static final class Input extends InputStream {
    private final InputStream in;
    private final byte[] buf = new byte[BUFFER_BYTES];
    private int pos;
    private int lim;

    Input(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      if (pos == lim && !fill()) {
        return -1;
      }
      return buf[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (pos == lim) {
        if (len >= buf.length) {
          return in.read(b, off, len);
        }
        if (!fill()) {
          return -1;
        }
      }
      int n = Math.min(len, lim - pos);
      System.arraycopy(buf, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public int available() throws IOException {
      return lim - pos + in.available();
    }

    /**
     * One line without its CR LF (a bare LF also ends it), or null when the stream ends before the
     * line's first byte; each byte read, the LF included, counts against {@code budget[0]}.
     *
     * @throws BadRequest if the stream ends inside the line or the budget runs out
     */
    String line(int[] budget) throws IOException {
      StringBuilder spill = null; // only for a line that crosses the end of the buffer
      while (true) {
        if (pos == lim && !fill()) {
          if (spill == null) {
            return null;
          }
          throw new BadRequest("connection closed inside a line");
        }
        int start = pos;
        int i = start;
        while (i < lim && buf[i] != '\n') {
          i++;
        }
        boolean found = i < lim;
        budget[0] -= i - start + (found ? 1 : 0);
        if (budget[0] < 0) {
          throw new BadRequest("request head larger than " + MAX_HEAD_BYTES + " bytes");
        }
        pos = found ? i + 1 : i;
        String part = new String(buf, start, i - start, StandardCharsets.ISO_8859_1);
        if (!found) {
          spill = spill == null ? new StringBuilder(part) : spill.append(part);
          continue;
        }
        String whole = spill == null ? part : spill.append(part).toString();
        return whole.endsWith("\r") ? whole.substring(0, whole.length() - 1) : whole;
      }
    }

    private boolean fill() throws IOException {
      int n = in.read(buf, 0, buf.length);
      if (n <= 0) {
        return false;
      }
      pos = 0;
      lim = n;
      return true;
    }
  }

  /** A request body: what the handler reads, and what is left of it afterwards. */
  private abstract static class BodyIn extends InputStream {
    /** Whether the whole body has been read. */
    abstract boolean atEnd();

    /** Skips what the handler left unread, up to {@link #DRAIN_BYTES}; false if more was left. */
    boolean drain() throws IOException {
      if (atEnd()) {
        return true;
      }
      long left = DRAIN_BYTES;
      byte[] buf = new byte[4096];
      int n;
      while (left > 0 && (n = read(buf, 0, (int) Math.min(buf.length, left))) >= 0) {
        left -= n;
      }
      return read() < 0;
    }

    @Override
    public abstract int read(byte[] b, int off, int len) throws IOException;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public void close() {
      // the connection owns the stream; the rest is drained after the exchange
    }
  }

  /** A body of a {@code Content-Length}. */
  private static final class FixedIn extends BodyIn {
    private final InputStream in;
    private long remaining;

    FixedIn(InputStream in, long length) {
      this.in = in;
      this.remaining = length;
    }

    @Override
    boolean atEnd() {
      return remaining == 0;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining == 0) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      int n = in.read(b, off, (int) Math.min(len, remaining));
      if (n < 0) {
        throw new IOException("connection closed inside the request body");
      }
      remaining -= n;
      return n;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(in.available(), remaining);
    }
  }

  /** A {@code Transfer-Encoding: chunked} body (RFC 9112 section 7.1); trailers are skipped. */
  private static final class ChunkedIn extends BodyIn {
    private final Input in;
    private long chunk;
    private boolean end;
    private final int[] budget = {MAX_HEAD_BYTES};

    ChunkedIn(Input in) {
      this.in = in;
    }

    @Override
    boolean atEnd() {
      return end;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (end) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      if (chunk == 0) {
        String size = Head.line(in, budget);
        if (size == null) {
          throw new IOException("connection closed inside the request body");
        }
        int semi = size.indexOf(';');
        try {
          chunk = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
        } catch (NumberFormatException e) {
          throw new IOException("malformed chunk size");
        }
        if (chunk < 0) {
          throw new IOException("malformed chunk size");
        }
        if (chunk == 0) {
          String trailer;
          do {
            trailer = Head.line(in, budget);
          } while (trailer != null && !trailer.isEmpty());
          end = true;
          return -1;
        }
      }
      int n = in.read(b, off, (int) Math.min(len, chunk));
      if (n < 0) {
        throw new IOException("connection closed inside the request body");
      }
      chunk -= n;
      if (chunk == 0 && Head.line(in, budget) == null) {
        throw new IOException("connection closed inside the request body");
      }
      return n;
    }
  }

  /** One request and its response, as the JDK's handlers see it. */
  @SuppressForbidden(reason = "the JDK HTTP server's exchange and headers types")
  private static final class Exchange extends HttpExchange {
    final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Socket socket;
    private final Head head;
    private final URI uri;
    private final OutputStream out;
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private InputStream requestBody;
    private OutputStream responseBody;
    private int status = -1;
    boolean keepAlive;

    Exchange(Socket socket, Head head, URI uri, BodyIn body, OutputStream out) {
      this.socket = socket;
      this.head = head;
      this.uri = uri;
      this.requestBody = body;
      this.out = out;
      this.keepAlive = head.keepAlive();
    }

    boolean headersSent() {
      return status >= 0;
    }

    @Override
    public Headers getRequestHeaders() {
      return head.headers;
    }

    @Override
    public Headers getResponseHeaders() {
      return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
      return uri;
    }

    @Override
    public String getRequestMethod() {
      return head.method;
    }

    /** Not kept: the handlers served here never ask for it. */
    @Override
    public HttpContext getHttpContext() {
      throw new UnsupportedOperationException("awssim's wire server has no HttpContext objects");
    }

    @Override
    public void close() {
      try {
        if (!headersSent()) {
          keepAlive = false; // nothing was answered: the client cannot tell what happened
        } else if (responseBody != null) {
          responseBody.close();
        } else {
          out.flush();
        }
      } catch (IOException e) {
        keepAlive = false;
      } finally {
        done.complete(null);
      }
    }

    @Override
    public InputStream getRequestBody() {
      return requestBody;
    }

    @Override
    public OutputStream getResponseBody() {
      if (responseBody == null) {
        throw new IllegalStateException("sendResponseHeaders has not been called");
      }
      return responseBody;
    }

    @Override
    public void sendResponseHeaders(int rCode, long responseLength) throws IOException {
      if (headersSent()) {
        throw new IOException("headers already sent");
      }
      status = rCode;
      boolean noBody = head.method.equals("HEAD") || rCode == 204 || rCode == 304 || rCode < 200;
      ByteArrayOutputStream h = new ByteArrayOutputStream(256);
      write(h, "HTTP/1.1 " + rCode + " " + reason(rCode));
      for (Map.Entry<String, List<String>> e : responseHeaders.entrySet()) {
        String name = e.getKey();
        if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")) {
          continue;
        }
        for (String v : e.getValue()) {
          write(h, name + ": " + v);
        }
      }
      if (!keepAlive) {
        write(h, "Connection: close");
      }
      OutputStream body;
      if (noBody) {
        body = new FixedOut(out, 0, this);
        if (rCode >= 200 && rCode != 204 && rCode != 304) {
          write(h, "Content-Length: " + Math.max(responseLength, 0));
        }
      } else if (responseLength > 0) {
        write(h, "Content-Length: " + responseLength);
        body = new FixedOut(out, responseLength, this);
      } else if (responseLength == 0) {
        write(h, "Transfer-Encoding: chunked");
        body = new ChunkedOut(out, this);
      } else {
        write(h, "Content-Length: 0");
        body = new FixedOut(out, 0, this);
      }
      h.write(CRLF);
      h.writeTo(out); // buffered: a small body goes out in the same write
      responseBody = body;
    }

    private void write(ByteArrayOutputStream h, String line) {
      h.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
      h.writeBytes(CRLF);
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
      return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    @Override
    public int getResponseCode() {
      return status;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
      return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public String getProtocol() {
      return head.version;
    }

    @Override
    public Object getAttribute(String name) {
      return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
      attributes.put(name, value);
    }

    @Override
    public void setStreams(InputStream i, OutputStream o) {
      if (i != null) {
        requestBody = i;
      }
      if (o != null) {
        responseBody = o;
      }
    }

    @Override
    public HttpPrincipal getPrincipal() {
      return null;
    }
  }

  private static String reason(int code) {
    return switch (code) {
      case 100 -> "Continue";
      case 200 -> "OK";
      case 201 -> "Created";
      case 202 -> "Accepted";
      case 204 -> "No Content";
      case 304 -> "Not Modified";
      case 400 -> "Bad Request";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 413 -> "Request Entity Too Large";
      case 415 -> "Unsupported Media Type";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "Status";
    };
  }

  /** A response body of a fixed length; closing it ends the exchange. */
  @SuppressForbidden(reason = "the JDK HTTP server's exchange and headers types")
  private static final class FixedOut extends OutputStream {
    private final OutputStream out;
    private final Exchange exchange;
    private long remaining;
    private boolean closed;

    FixedOut(OutputStream out, long length, Exchange exchange) {
      this.out = out;
      this.remaining = length;
      this.exchange = exchange;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (closed) {
        throw new IOException("response body closed");
      }
      if (len > remaining) {
        throw new IOException("response body longer than its Content-Length");
      }
      out.write(b, off, len);
      remaining -= len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        if (remaining > 0) {
          exchange.keepAlive = false; // the client waits for bytes that never come
        }
        out.flush();
      } finally {
        exchange.done.complete(null);
      }
    }
  }

  /** A chunked response body: each flush sends what was written. */
  @SuppressForbidden(reason = "the JDK HTTP server's exchange and headers types")
  private static final class ChunkedOut extends OutputStream {
    private final OutputStream out;
    private final Exchange exchange;
    private boolean closed;

    ChunkedOut(OutputStream out, Exchange exchange) {
      this.out = out;
      this.exchange = exchange;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (closed) {
        throw new IOException("response body closed");
      }
      if (len == 0) {
        return;
      }
      out.write(Integer.toHexString(len).getBytes(StandardCharsets.ISO_8859_1));
      out.write(CRLF);
      out.write(b, off, len);
      out.write(CRLF);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      } finally {
        exchange.done.complete(null);
      }
    }
  }
}
