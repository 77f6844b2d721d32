import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// How `check --external` visits other sites.
public struct ExternalLinkOptions: Sendable {
    /// Requests in flight at once.
    public var concurrency: Int
    /// Seconds each address may take to answer.
    public var timeout: Double

    public init(concurrency: Int = 8, timeout: Double = 10) {
        self.concurrency = max(1, concurrency)
        self.timeout = timeout
    }
}

/// Visits every distinct address on another site once (HEAD, then GET where HEAD is refused),
/// a bounded number at a time, and reports each place that links to one that is gone.
/// A missing page (404, 410) is an error; anything that may pass (a timeout, a server error,
/// a refusal) is a warning, which `--strict` makes an error.
enum ExternalLinkChecker {
    struct Place: Sendable {
        var file: String
        var line: Int
        var column: Int
    }

    static func check(_ links: [String: [Place]], options: ExternalLinkOptions, log: DiagnosticLog) async {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = options.timeout
        configuration.timeoutIntervalForResource = options.timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }

        let addresses = links.keys.sorted()
        var outcomes: [String: Outcome] = [:]
        await withTaskGroup(of: (String, Outcome).self) { group in
            var next = 0
            func startNext() {
                guard next < addresses.count else { return }
                let address = addresses[next]
                next += 1
                group.addTask { (address, await visit(address, session: session, timeout: options.timeout)) }
            }
            for _ in 0..<min(options.concurrency, addresses.count) { startNext() }
            while let (address, outcome) = await group.next() {
                outcomes[address] = outcome
                startNext()
            }
        }
        for address in addresses {
            guard let outcome = outcomes[address], let (severity, message, hint) = outcome.report(address) else { continue }
            for place in links[address] ?? [] {
                log.add(Diagnostic(severity, file: place.file, line: place.line, column: place.column, message, hint: hint))
            }
        }
    }

    enum Outcome: Sendable {
        case status(Int)
        case failed(String)

        func report(_ address: String) -> (Diagnostic.Severity, String, String)? {
            switch self {
            case .status(let code) where code < 400:
                return nil
            case .status(let code) where code == 404 || code == 410:
                return (.error, "link to another site leads to a page that does not exist: '\(address)' answered \(code)",
                        "find where the page has moved, or link to an archived copy")
            case .status(let code):
                return (.warning, "link to another site may be broken: '\(address)' answered \(code)",
                        "open it in a browser; if it works there, the site may refuse automated checks")
            case .failed(let reason):
                return (.warning, "link to another site could not be checked: '\(address)': \(reason)",
                        "check the address; the site may be down for a while")
            }
        }
    }

    private static func visit(_ address: String, session: URLSession, timeout: Double) async -> Outcome {
        guard let url = URL(string: address) else { return .failed("it is not a valid address") }
        var outcome = await request(url, method: "HEAD", session: session, timeout: timeout)
        if case .status(let code) = outcome, [403, 405, 501].contains(code) {
            outcome = await request(url, method: "GET", session: session, timeout: timeout)
        }
        return outcome
    }

    private static func request(_ url: URL, method: String, session: URLSession, timeout: Double) async -> Outcome {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue("routemap-check", forHTTPHeaderField: "User-Agent")
        do {
            let (_, response) = try await session.data(for: request)
            return .status((response as? HTTPURLResponse)?.statusCode ?? 0)
        } catch let error as URLError where error.code == .timedOut {
            return .failed("no answer within \(format(timeout)) s")
        } catch {
            return .failed(error.localizedDescription)
        }
    }
}
