import Foundation
import Synchronization

/// Chapters loaded by earlier builds, reused while their file's text is unchanged, so that a
/// rebuild after one save parses one chapter's front matter, not every chapter's.
///
/// A chapter is a function of its file's text, its path, and the configuration and edition
/// settings it is checked against; an entry is reused only when the text and the text of both
/// settings files are the same as when it was loaded, and it brings back the warnings and errors
/// the chapter had then. Files that a build no longer reads (deleted or renamed) are forgotten.
///
/// A file whose `FileStamp` is unchanged is not even read again, but only once the stamp is safely
/// older than the reading (as git does with its index): file times tick in steps of a few
/// milliseconds, so a file saved twice within one step could otherwise look unchanged.
/// One cache serves one sequence of builds (the preview server's); it is safe to use from the
/// loading threads.
public final class ContentCache: Sendable {
    private struct Entry {
        var text: [UInt8]
        /// The file's stamp when it was read, if it can stand for the text (see `FileStamp.isSettled`).
        var stamp: FileStamp?
        var settings: String
        var loaded: LoadedChapter
    }

    private struct State {
        /// By source path.
        var entries = BuildCacheEntries<String, Entry>()
        /// By edition folder: the configuration and settings text its chapters were last loaded with.
        var settingsByFolder: [String: String] = [:]
        /// By edition folder: its chapters in order as the last build made them, and from what.
        var orderedByFolder: [String: OrderedChapters] = [:]
    }

    /// An edition's chapters in reading order, numbered, with the problems found in ordering them:
    /// a function of its chapter files (each loaded with `settings`) and its folders' parts alone.
    struct OrderedChapters {
        var files: [String]
        var settings: String
        var folderParts: [String: String]
        var chapters: [Chapter]
        var diagnostics: [Diagnostic]
        /// Each chapter's place in `chapters`, by file name.
        var positions: [String: Int]
    }

    private let state = Mutex(State())

    public init() {}

    /// How the last build used the cache.
    public var lastUsage: CacheUsage { state.withLock { $0.entries.usage } }

    func beginBuild() {
        state.withLock { $0.entries.beginBuild() }
    }

    /// Forgets the files the build did not read.
    func endBuild() {
        state.withLock { $0.entries.endBuild() }
    }

    /// `text` itself when it differs from the last build's settings for `folder`, else the string
    /// kept from then, so that comparing it with each chapter's entry costs nothing.
    func settings(for folder: String, _ text: String) -> String {
        state.withLock { state in
            if let known = state.settingsByFolder[folder], known == text { return known }
            state.settingsByFolder[folder] = text
            return text
        }
    }

    /// The chapters of the edition in `folder` as the last build ordered them, if it had the same
    /// files, settings and parts (then, with every file unchanged, they are ordered alike).
    func orderedChapters(in folder: String, files: [String], settings: String, folderParts: [String: String]) -> OrderedChapters? {
        state.withLock { state in
            guard let known = state.orderedByFolder[folder], known.settings == settings, known.files == files,
                  known.folderParts == folderParts else { return nil }
            return known
        }
    }

    /// `orderedChapters`, taken out of the cache, so that the build can put its changed chapters in
    /// their places without copying the others; it stores the order it makes with `storeOrder`.
    func takeOrderedChapters(in folder: String, files: [String], settings: String, folderParts: [String: String]) -> OrderedChapters? {
        state.withLock { state in
            guard let known = state.orderedByFolder[folder], known.settings == settings, known.files == files,
                  known.folderParts == folderParts else { return nil }
            state.orderedByFolder[folder] = nil
            return known
        }
    }

    func storeOrder(_ ordered: OrderedChapters, in folder: String) {
        state.withLock { $0.orderedByFolder[folder] = ordered }
    }

    /// Each chapter as loaded before, when its file's settled stamp and `settings` are unchanged; nil
    /// to read the file. All under one lock: taken file by file, the lock was fought over by the
    /// loading threads for most of a rebuild's loading.
    func unchangedChapters(at paths: [String], stamps: [FileStamp?], settings: String) -> [LoadedChapter?] {
        state.withLock { state in
            paths.indices.map { index in
                guard let stamp = stamps[index], let known = state.entries[paths[index]], known.stamp == stamp,
                      known.settings == settings else { return nil }
                state.entries.use(paths[index])
                state.entries.countReused()
                return known.loaded
            }
        }
    }

    /// The chapter at `path` as loaded from the same `text` under the same `settings`, or as `load`
    /// makes it now. `stamp` is the file's, taken before `text` was read.
    func chapter(at path: String, text: [UInt8], stamp: FileStamp?, settings: String,
                 load: () -> LoadedChapter) -> LoadedChapter {
        let stamp = stamp.flatMap { $0.isSettled ? $0 : nil }
        let known = state.withLock { $0.entries.use(path) }
        if let known, known.text == text, known.settings == settings {
            state.withLock { state in
                state.entries.update(path) { $0.stamp = stamp }
                state.entries.countReused()
            }
            return known.loaded
        }
        let loaded = load()
        state.withLock { $0.entries.store(Entry(text: text, stamp: stamp, settings: settings, loaded: loaded), for: path) }
        return loaded
    }
}

/// What the file system says about a file without reading it: any save changes its change time
/// (which, unlike the modification time, no program can set back), and most change its size.
struct FileStamp: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var changed: Int64
    var modified: Int64
    /// When the stamp was taken, in nanoseconds since 1970.
    var takenAt: Int64

    static func == (a: FileStamp, b: FileStamp) -> Bool {
        (a.device, a.inode, a.size, a.changed, a.modified) == (b.device, b.inode, b.size, b.changed, b.modified)
    }

    /// A stamp taken at least a second after the file last changed: a later save gets a later change
    /// time, so an equal stamp means an unchanged file. A younger one may share its change time
    /// with a save in the same clock step, so the file must be read and compared.
    var isSettled: Bool { takenAt - changed >= 1_000_000_000 }

    /// The stamp of the file at `path` now (through symbolic links); nil when it cannot be had.
    /// With `folder` (an open folder), `path` is taken within it: the kernel then walks only the
    /// path's last steps, for each of an edition's files.
    init?(path: String, in folder: Int32 = AT_FDCWD) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var info = stat()
        guard fstatat(folder, path, &info, 0) == 0 else { return nil }
        #if canImport(Darwin)
        let changed = info.st_ctimespec, modified = info.st_mtimespec
        #else
        let changed = info.st_ctim, modified = info.st_mtim
        #endif
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        self.changed = Int64(changed.tv_sec) * 1_000_000_000 + Int64(changed.tv_nsec)
        self.modified = Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec)
        takenAt = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }
}
