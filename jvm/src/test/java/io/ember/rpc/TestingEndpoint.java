package io.ember.rpc;

import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An endpoint double: records what it receives and answers with {@link #reply}. */
class TestingEndpoint implements RpcEndpoint {
    interface Reply {
        Object apply(Object message, RpcCallContext context) throws Exception;
    }

    final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    final BlockingQueue<InetSocketAddress> disconnected = new LinkedBlockingQueue<>();
    final BlockingQueue<String> threads = new LinkedBlockingQueue<>();
    private final Reply reply;

    TestingEndpoint(Reply reply) {
        this.reply = reply;
    }

    static TestingEndpoint echo() {
        return new TestingEndpoint((m, c) -> "echo:" + m);
    }

    @Override
    public Object receive(Object message, RpcCallContext context) throws Exception {
        received.add(message == null ? "<null>" : message);
        threads.add(Thread.currentThread().getName());
        return reply.apply(message, context);
    }

    @Override
    public void onDisconnected(InetSocketAddress remote) {
        disconnected.add(remote);
    }

    Object next() throws InterruptedException {
        return received.poll(5, TimeUnit.SECONDS);
    }
}
