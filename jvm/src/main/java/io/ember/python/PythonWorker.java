package io.ember.python;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;

/**
 * One authenticated connection to a forked Python worker. Owned by one task at a time (the
 * task thread reads, its writer thread writes); returned to the factory's idle pool after a
 * task that ended cleanly, closed otherwise.
 */
final class PythonWorker {
    final Socket socket;
    final DataInputStream in;
    final DataOutputStream out;
    final int pid;
    /** Broadcast ids this worker has loaded (sent once per worker). */
    final Set<Long> broadcasts = new HashSet<>();

    PythonWorker(Socket socket, DataInputStream in, DataOutputStream out, int pid) {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.pid = pid;
    }

    static PythonWorker connect(int port, String secret, String pythonVersion) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        try {
            socket.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
            PythonWorkerProtocol.Handshake.of(secret, pythonVersion).write(out);
            out.flush();
            PythonWorkerProtocol.HandshakeReply reply = PythonWorkerProtocol.HandshakeReply.read(in);
            if (!reply.accepted()) {
                throw new IOException("The Python worker refused the handshake: " + reply.message());
            }
            return new PythonWorker(socket, in, out, reply.workerPid());
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** Stops the worker process now (a killed task's worker may be deep in user code). */
    void kill() {
        close();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    boolean isClosed() {
        return socket.isClosed();
    }
}
