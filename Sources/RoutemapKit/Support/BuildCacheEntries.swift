/// What each of the caches the preview server keeps between builds (`ContentCache`, `RenderCache`,
/// `LayoutCache`) holds: values by key, forgotten at the end of a build that did not use them (so a
/// cache holds one site at most), and how many values the build made and how many it reused.
/// A plain value: each cache keeps it in its own `Mutex`.
struct BuildCacheEntries<Key: Hashable, Value> {
    /// How the last build used them.
    var usage: CacheUsage { CacheUsage(made: made, reused: reused) }

    private var values: [Key: Value] = [:]
    private var used: Set<Key> = []
    private(set) var made = 0
    private(set) var reused = 0

    mutating func beginBuild() {
        used = []
        used.reserveCapacity(values.count)
        made = 0
        reused = 0
    }

    /// Forgets the values the build did not use. `used` holds only keys with a value, so when it
    /// holds as many as there are values (after most rebuilds: every one), there is nothing to forget.
    mutating func endBuild() {
        guard used.count < values.count else { return }
        for key in values.keys.filter({ !used.contains($0) }) { values.removeValue(forKey: key) }
    }

    /// Every value kept.
    var kept: [Value] { Array(values.values) }

    /// The value kept for `key`, without marking it used.
    subscript(key: Key) -> Value? { values[key] }

    /// The value kept for `key`, which the build uses (so it is kept for the next).
    @discardableResult
    mutating func use(_ key: Key) -> Value? {
        guard let value = values[key] else { return nil }
        used.insert(key)
        return value
    }

    /// A kept value the build takes as it is.
    mutating func countReused() { reused += 1 }

    /// A value the build made, kept in place of any earlier one.
    mutating func store(_ value: Value, for key: Key) {
        values[key] = value
        used.insert(key)
        made += 1
    }

    /// Changes the kept value for `key`, if there is one, in place.
    mutating func update(_ key: Key, _ change: (inout Value) -> Void) {
        if values[key] != nil { change(&values[key]!) }
    }
}

/// How a build used one of the preview's caches: the values it made (chapters parsed or rendered,
/// pages laid out) and those it reused from the build before.
public struct CacheUsage: Sendable, Equatable {
    public var made: Int
    public var reused: Int

    public init(made: Int, reused: Int) {
        self.made = made
        self.reused = reused
    }
}
