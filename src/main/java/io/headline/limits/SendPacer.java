package io.headline.limits;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Sends a connection's large HTTP/1.x answers in slices of {@link #SLICE} bytes, each only while the connection is
 * writable, so that what waits for a client that reads slowly (or never) is the answer as the application made it,
 * not also a full-size copy in direct memory (the socket writes copy only the slice under way). A connection that had
 * something to send and sent nothing for the stall timeout is closed, and what it held is freed.
 *
 * <p>One per connection, on its event loop: no field needs guarding. Bytes queued here are counted in
 * {@link PendingSends} until they are written or dropped.
 */
final class SendPacer extends ChannelDuplexHandler {

    static final String NAME = "headline-send-pacer";
    /** The slice size: a few of them fit in the socket's buffers, and a slow reader completes one every so often. */
    static final int SLICE = 64 * 1024;

    /** A message held back: a slice of {@code bytes}, counted in PendingSends unless shared. */
    private record Held(Object message, ChannelPromise promise, int bytes, boolean counted) {

        long pending() {
            return counted ? bytes : 0;
        }
    }

    private final PendingSends pending;
    private final long stallNanos;
    private final ArrayDeque<Held> queue = new ArrayDeque<>();
    /** Bytes of slices written on but not yet on the wire. */
    private long inFlight;
    private long lastProgress = System.nanoTime();
    private ScheduledFuture<?> stallCheck;

    SendPacer(PendingSends pending, long stallNanos) {
        this.pending = pending;
        this.stallNanos = stallNanos;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!ctx.channel().isActive()) { // nothing is held for a connection that is gone
            ReferenceCountUtil.release(msg);
            if (!promise.isVoid()) {
                promise.tryFailure(new ClosedChannelException());
            }
            return;
        }
        if (msg instanceof HttpContent content && content.content().readableBytes() > SLICE) {
            slice(ctx, content, promise);
        } else if (queue.isEmpty() && ctx.channel().isWritable()) {
            ctx.write(msg, promise);
            return;
        } else {
            // Held back behind others, or for a connection that takes nothing now (pipelined small answers to a
            // client that reads nothing): counted and under the stall deadline like a slice.
            int bytes = msg instanceof HttpContent content ? content.content().readableBytes() : 0;
            boolean counted = bytes > 0 && !((HttpContent) msg).content().isReadOnly();
            Held held = new Held(msg, linked(ctx, promise), bytes, counted);
            queue.add(held);
            pending.add(held.pending());
        }
        send(ctx);
    }

    /** A promise of our own that completes the caller's, which may be a void one that takes no listener. */
    private static ChannelPromise linked(ChannelHandlerContext ctx, ChannelPromise promise) {
        ChannelPromise written = ctx.newPromise();
        if (!promise.isVoid()) {
            written.addListener(done -> {
                if (done.isSuccess()) {
                    promise.trySuccess();
                } else {
                    promise.tryFailure(done.cause());
                }
            });
        }
        return written;
    }

    /** The head first, if the message carries one (Content-Length kept), then the content slice by slice. */
    private void slice(ChannelHandlerContext ctx, HttpContent content, ChannelPromise promise) {
        ByteBuf body = content.content();
        if (content instanceof HttpResponse head) { // a full response, or Vert.x's head with its first content
            queue.add(new Held(new DefaultHttpResponse(head.protocolVersion(), head.status(), head.headers()),
                    ctx.newPromise(), 0, false));
        }
        // A read-only body is shared (a kept answer of the response cache): it costs no memory of this connection.
        boolean counted = !body.isReadOnly();
        int end = body.writerIndex();
        for (int from = body.readerIndex(); from < end; from += SLICE) {
            int length = Math.min(SLICE, end - from);
            ByteBuf slice = body.retainedSlice(from, length);
            boolean last = from + length >= end;
            Object part = !last ? new DefaultHttpContent(slice)
                    : content instanceof LastHttpContent trailing ? new DefaultLastHttpContent(slice,
                            trailing.trailingHeaders()) : new DefaultHttpContent(slice);
            // Each slice its own promise; the last completes the caller's.
            ChannelPromise written = last ? linked(ctx, promise) : ctx.newPromise();
            Held held = new Held(part, written, length, counted);
            queue.add(held);
            pending.add(held.pending());
        }
        content.release();
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        send(ctx);
        ctx.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().isWritable()) {
            send(ctx);
            ctx.flush();
        }
        super.channelWritabilityChanged(ctx);
    }

    /** Writes what is held while the connection takes it; watches for a stall while something is left. */
    private void send(ChannelHandlerContext ctx) {
        while (!queue.isEmpty() && ctx.channel().isWritable()) {
            Held held = queue.poll();
            if (held.bytes() > 0) {
                inFlight += held.bytes();
                held.promise().addListener(done -> {
                    inFlight -= held.bytes();
                    pending.remove(held.pending());
                    if (done.isSuccess()) {
                        lastProgress = System.nanoTime();
                    }
                });
            }
            ctx.write(held.message(), held.promise());
        }
        if (sending() && stallCheck == null && stallNanos > 0) {
            lastProgress = System.nanoTime();
            stallCheck = ctx.executor().schedule(() -> checkStall(ctx), stallNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void checkStall(ChannelHandlerContext ctx) {
        stallCheck = null;
        if (!sending()) {
            return;
        }
        long idle = System.nanoTime() - lastProgress;
        if (idle >= stallNanos) {
            pending.stalled();
            ctx.close();
        } else {
            stallCheck = ctx.executor().schedule(() -> checkStall(ctx), stallNanos - idle, TimeUnit.NANOSECONDS);
        }
    }

    private boolean sending() {
        return !queue.isEmpty() || inFlight > 0;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        drop();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        drop();
    }

    private void drop() {
        if (stallCheck != null) {
            stallCheck.cancel(false);
            stallCheck = null;
        }
        ClosedChannelException closed = new ClosedChannelException();
        for (Held held; (held = queue.poll()) != null; ) {
            pending.remove(held.pending());
            ReferenceCountUtil.release(held.message());
            if (!held.promise().isVoid()) {
                held.promise().tryFailure(closed);
            }
        }
    }
}
