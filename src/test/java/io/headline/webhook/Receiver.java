package io.headline.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on loopback: answers each request with the next planned status (200 once the plan is used up),
 * {@link #HANG} keeping the sender waiting past its timeout, and records every request it got. Public for the
 * black-box tests over the packaged application (io.headline.ops), which run it beside a separate process.
 */
public final class Receiver implements AutoCloseable {

    public static final int HANG = -1;
    /** A 200 whose body comes a byte every 100 ms for 3 s: never silent long enough for an idle timeout. */
    public static final int TRICKLE = -2;
    /** How long a {@link #HANG} holds the request: past every test's timeout. */
    private static final long HANG_MILLIS = 5000;

    public record Request(String id, String timestamp, String signature, String body, int answered) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Integer> plan = new ConcurrentLinkedDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger hanging = new AtomicInteger();
    private final AtomicInteger trickled = new AtomicInteger();
    private final AtomicInteger cutOff = new AtomicInteger();
    private volatile boolean down;
    private volatile String answer;

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Integer planned = down ? Integer.valueOf(503) : plan.poll();
            int status = planned == null ? 200 : planned;
            requests.add(new Request(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, status));
            if (status == TRICKLE) {
                trickle(exchange);
                return;
            }
            if (status == HANG) {
                hanging.incrementAndGet();
                try {
                    Thread.sleep(HANG_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    hanging.decrementAndGet();
                }
                status = 200;
            }
            byte[] text = (answer != null ? answer : "answered " + status).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, text.length);
            exchange.getResponseBody().write(text);
            exchange.close();
        });
        server.start();
    }

    private void trickle(HttpExchange exchange) {
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(200, 0);
            for (int i = 0; i < 30; i++) {
                out.write('.');
                out.flush();
                Thread.sleep(100);
            }
        } catch (IOException e) {
            cutOff.incrementAndGet(); // the sender closed the connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            trickled.incrementAndGet();
            exchange.close();
        }
    }

    /** The body of every answer from now on, instead of "answered STATUS". */
    public void answerWith(String text) {
        answer = text;
    }

    /** How many {@link #TRICKLE} answers have ended, and how many of them because the sender closed the connection. */
    public int trickled() {
        return trickled.get();
    }

    public int cutOff() {
        return cutOff.get();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void plan(Integer... statuses) {
        plan.addAll(List.of(statuses));
    }

    /** How many planned answers are still to give. */
    public int planned() {
        return plan.size();
    }

    /** Down, every request is answered 503 and the plan waits; up again, the plan resumes. */
    public void down(boolean down) {
        this.down = down;
    }

    /** How many requests a {@link #HANG} is holding right now. */
    public int hanging() {
        return hanging.get();
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
