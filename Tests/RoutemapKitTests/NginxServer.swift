import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Debian's nginx serving a folder for one test: started as a child process (not a daemon) on a
/// free loopback port, with its own configuration, logs and temporary files in a temporary
/// folder, and stopped by `stop()` (or when the value goes away).
final class NginxServer {
    static let executable = "/usr/sbin/nginx"

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let port: UInt16
    private let process: Process
    private let folder: TemporaryFolder

    /// `server` is the `server { … }` block, with `PORT` where the port goes.
    init(server: String) throws {
        var lastError = ""
        // The free port is found before nginx takes it: another process may take it in between, so try again.
        for _ in 0..<3 {
            let folder = TemporaryFolder()
            let port = try Self.freeLoopbackPort()
            folder.write("nginx.conf", Self.configuration(server: server.replacingOccurrences(of: "PORT", with: String(port)), folder: folder.path))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.executable)
            process.arguments = ["-p", folder.path + "/", "-c", folder.path + "/nginx.conf", "-e", folder.path + "/error.log"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            if Self.waitUntilListening(port, while: { process.isRunning }) {
                self.port = port
                self.process = process
                self.folder = folder
                return
            }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            lastError = folder.read("error.log") ?? ""
        }
        throw Failure(description: "nginx did not start: \(lastError)")
    }

    deinit { stop() }

    /// SIGTERM: nginx's master process stops its worker and exits.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// What nginx wrote to its error log (requests for missing files are logged there too).
    var errorLog: String { folder.read("error.log") ?? "" }

    /// In the foreground, everything it writes kept in `folder`. With a master process: nginx alone
    /// (`master_process off`) never unblocks the signals its parent had blocked, so SIGTERM would
    /// not stop it; the master waits for signals with none blocked.
    private static func configuration(server: String, folder: String) -> String {
        """
        daemon off;
        worker_processes 1;
        pid \(folder)/nginx.pid;
        error_log \(folder)/error.log warn;
        events { worker_connections 128; }
        http {
            include /etc/nginx/mime.types;
            default_type application/octet-stream;
            access_log off;
            client_body_temp_path \(folder)/client_body;
            proxy_temp_path \(folder)/proxy;
            fastcgi_temp_path \(folder)/fastcgi;
            uwsgi_temp_path \(folder)/uwsgi;
            scgi_temp_path \(folder)/scgi;
        \(server)
        }

        """
    }

    private static func freeLoopbackPort() throws -> UInt16 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "no socket: errno \(errno)") }
        defer { close(socket) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw Failure(description: "cannot bind to 127.0.0.1: errno \(errno)") }
        return UInt16(bigEndian: address.sin_port)
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    /// Whether something accepts connections on the port within ten seconds, while `alive`.
    private static func waitUntilListening(_ port: UInt16, while alive: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, alive() {
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = loopback(port: port)
            let connected = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            close(socket)
            if connected { return true }
            usleep(20_000)
        }
        return false
    }
}
