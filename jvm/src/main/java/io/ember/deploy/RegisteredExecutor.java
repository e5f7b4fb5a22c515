package io.ember.deploy;

import io.ember.executor.ExecutorMessages.RegisterExecutor;
import io.ember.rpc.RpcRef;
import io.ember.storage.BlockId;
import java.net.InetSocketAddress;
import java.util.Set;

/**
 * The driver's record of one executor JVM: where it serves, how to reach it, the connection it
 * registered over (whose closing means it is gone), its free cores and the RDD blocks it last
 * reported. Mutable fields are guarded by the {@link ClusterBackend}'s lock.
 */
final class RegisteredExecutor {
    final String id;
    final String host;
    final int port;
    final int cores;
    final RpcRef ref;
    final InetSocketAddress connection;
    int freeCores;
    long lastHeartbeat;
    /** When it last became free of tasks; 0 while it runs some. */
    long idleSince;
    Set<BlockId.RddBlock> blocks = Set.of();

    RegisteredExecutor(RegisterExecutor r, RpcRef ref, InetSocketAddress connection, long now) {
        this.id = r.executorId();
        this.host = r.host();
        this.port = r.port();
        this.cores = r.cores();
        this.freeCores = r.cores();
        this.ref = ref;
        this.connection = connection;
        this.lastHeartbeat = now;
        this.idleSince = now;
    }
}
