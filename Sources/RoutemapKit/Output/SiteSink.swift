import Foundation

/// A file as the layout stage hands it on: an `OutputFile`, or a long page in pieces that are
/// written one after another and never joined into one string (the printable page).
enum SiteItem {
    case file(OutputFile)
    case pieces(path: String, pieces: [String], origin: String)

    var path: String {
        switch self {
        case .file(let file): file.path
        case .pieces(let path, _, _): path
        }
    }

    var origin: String {
        switch self {
        case .file(let file): file.origin
        case .pieces(_, _, let origin): origin
        }
    }

    /// As one `OutputFile`, joining the pieces.
    var outputFile: OutputFile {
        switch self {
        case .file(let file): file
        case .pieces(let path, let pieces, let origin): OutputFile(path: path, contents: .text(pieces.joined()), origin: origin)
        }
    }
}

/// Where the layout stage puts the site's files as it makes them: in memory (`SiteCollector`, for
/// `SiteBuilder.generate`, the preview server and `check`), or straight into the staging folder
/// (`StagingWriter`, for `routemap build`), so that a build never holds every page at once.
protocol SiteSink: AnyObject {
    /// Runs every job, spread over the cores, and takes the files each makes. Returns the path and
    /// origin of every file, in the order of `jobs` and of the files within each job.
    func take(_ jobs: [() -> [SiteItem]]) -> [(path: String, origin: String)]
}

extension SiteSink {
    func take(_ items: [SiteItem]) -> [(path: String, origin: String)] {
        take([{ items }])
    }
}

/// Keeps every file in memory, in the order the generator lists them.
final class SiteCollector: SiteSink {
    private(set) var files: [OutputFile] = []

    func take(_ jobs: [() -> [SiteItem]]) -> [(path: String, origin: String)] {
        let made = concurrentMap(jobs) { $0().map(\.outputFile) }.flatMap { $0 }
        files += made
        return made.map { ($0.path, $0.origin) }
    }
}
