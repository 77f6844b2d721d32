import RoutemapMarkdown

/// A run of words in a changed paragraph: kept, inserted or deleted.
struct WordChange: Equatable {
    enum Kind: Equatable { case same, inserted, deleted }
    var kind: Kind
    var text: String
}

/// What happened to one block of a chapter between two editions, in the newer edition's order
/// (removed blocks appear where they stood). The blocks are named by their place in their chapter's
/// blocks rather than copied: two editions of thousands of chapters hold a change for every block.
struct BlockChange: Equatable {
    enum Kind: String { case unchanged, added, removed, changed, moved, movedAndChanged = "moved-changed", movedAway = "moved-away" }
    var kind: Kind
    /// The block's place in the older chapter's blocks; nil for a block added.
    var old: Int?
    /// The block's place in the newer chapter's blocks; nil for a block removed or moved away.
    var new: Int?
    /// The words of a changed block, inserted and deleted runs marked.
    var words: [WordChange] = []
}

/// A chapter of the older edition compared with its counterpart (same id) in the newer one,
/// block by block, using the plain text carried forward from the Markdown walk.
struct ChapterComparison {
    var chapterID: String
    var oldTitle: String
    var newTitle: String
    /// The chapter's blocks in each edition, which `changes` name by place.
    let oldBlocks: [TextBlock]
    let newBlocks: [TextBlock]
    let changes: [BlockChange]
    /// How many changes there are of each kind, counted once: the pages ask several times per chapter.
    let counts: ChangeCounts

    var retitled: Bool { oldTitle != newTitle }
    var textChanged: Bool { counts.textChanged }

    init(chapterID: String, oldTitle: String, newTitle: String, old: [TextBlock], new: [TextBlock]) {
        self.init(chapterID: chapterID, oldTitle: oldTitle, newTitle: newTitle, old: old, new: new, changes: ChapterComparison.compare(old, new))
    }

    /// `changes`: `compare(old, new)`, made already; `counts`: their counts, when known already (the
    /// preview keeps them with the changes).
    init(chapterID: String, oldTitle: String, newTitle: String, old: [TextBlock], new: [TextBlock],
         changes: [BlockChange], counts: ChangeCounts? = nil) {
        self.chapterID = chapterID
        self.oldTitle = oldTitle
        self.newTitle = newTitle
        self.oldBlocks = old
        self.newBlocks = new
        self.changes = changes
        self.counts = counts ?? ChangeCounts(changes)
    }

    /// The older edition's block of `change`; nil for a block added.
    func oldBlock(_ change: BlockChange) -> TextBlock? { change.old.map { oldBlocks[$0] } }
    /// The newer edition's block of `change`; nil for a block removed or moved away.
    func newBlock(_ change: BlockChange) -> TextBlock? { change.new.map { newBlocks[$0] } }

    /// Whether every block is unchanged: the same kinds, texts and link addresses, in the same order.
    static func readAlike(_ old: [TextBlock], _ new: [TextBlock]) -> Bool {
        old.count == new.count && zip(old, new).allSatisfy { $0.kind == $1.kind && $0.text == $1.text && $0.destinations == $1.destinations }
    }

    /// Blocks are matched by kind and text; a block removed in one place and added unchanged in
    /// another has moved; a removed and an added block side by side that share enough words
    /// are one changed block.
    static func compare(_ old: [TextBlock], _ new: [TextBlock]) -> [BlockChange] {
        // Most chapters of a new edition are the old one's as it was: found at the price of
        // comparing the texts once, with the result the comparison below would give.
        if readAlike(old, new) {
            return old.indices.map { BlockChange(kind: .unchanged, old: $0, new: $0) }
        }
        let oldKeys = old.map(BlockKey.init), newKeys = new.map(BlockKey.init)
        let steps = shortestEditScript(oldKeys, newKeys)

        // Moves: a removed block whose exact text was added elsewhere.
        var addedByKey: [BlockKey: [Int]] = [:]
        for case .added(let j) in steps { addedByKey[newKeys[j], default: []].append(j) }
        var movedOld = Set<Int>(), movedNew = Set<Int>()
        for case .removed(let i) in steps {
            if var candidates = addedByKey[oldKeys[i]], !candidates.isEmpty {
                movedNew.insert(candidates.removeFirst())
                movedOld.insert(i)
                addedByKey[oldKeys[i]] = candidates
            }
        }

        var changes: [BlockChange] = []
        var removedRun: [Int] = [], addedRun: [Int] = []
        func flush() {
            changes += pairRun(removedRun, addedRun, old, new)
            removedRun = []; addedRun = []
        }
        for step in steps {
            switch step {
            case .same(let i, let j):
                flush()
                changes.append(BlockChange(kind: .unchanged, old: i, new: j))
            case .removed(let i):
                if movedOld.contains(i) {
                    flush()
                    changes.append(BlockChange(kind: .movedAway, old: i, new: nil))
                } else {
                    removedRun.append(i)
                }
            case .added(let j):
                if movedNew.contains(j) {
                    flush()
                    changes.append(BlockChange(kind: .moved, old: nil, new: j))
                } else {
                    addedRun.append(j)
                }
            }
        }
        flush()
        return pairMovedAndChanged(changes, old, new)
    }

    /// A block removed in one place and a like block added in another (not side by side) were
    /// moved and reworded: the added one is shown with its changed words, the removed one as moved away.
    /// Only blocks left unpaired are compared, and at most `searchBudget` word comparisons are made
    /// per block of the chapter, so a chapter rewritten from end to end stays linear.
    private static func pairMovedAndChanged(_ changes: [BlockChange], _ oldBlocks: [TextBlock], _ newBlocks: [TextBlock]) -> [BlockChange] {
        var changes = changes
        var added = changes.indices.filter { changes[$0].kind == .added }
        var budget = searchBudget * changes.count
        for i in changes.indices where changes[i].kind == .removed && budget > 0 {
            guard let oldIndex = changes[i].old else { continue }
            let old = oldBlocks[oldIndex]
            let oldWords = tokens(old.text)
            guard let match = added.firstIndex(where: { j in
                guard budget > 0, let new = changes[j].new.map({ newBlocks[$0] }), new.kind == old.kind else { return false }
                budget -= 1
                return alike(oldWords, tokens(new.text))
            }) else { continue }
            let j = added.remove(at: match)
            let newIndex = changes[j].new!
            changes[j] = BlockChange(kind: .movedAndChanged, old: oldIndex, new: newIndex, words: wordChanges(old, newBlocks[newIndex]))
            changes[i].kind = .movedAway
        }
        return changes
    }

    /// How many added blocks ahead a removed block looks for its reworded version: pairing is for
    /// blocks side by side, and the window keeps a long run of unrelated blocks linear.
    static let pairingWindow = 4

    /// Pairs removed and added blocks of one run, in order, when they are alike enough to read as one changed block.
    private static func pairRun(_ removed: [Int], _ added: [Int], _ old: [TextBlock], _ new: [TextBlock]) -> [BlockChange] {
        var changes: [BlockChange] = []
        var nextAdded = 0
        for i in removed {
            let oldWords = tokens(old[i].text)
            var pairedAt: Int?
            for j in nextAdded..<min(added.count, nextAdded + pairingWindow) where new[added[j]].kind == old[i].kind {
                if alike(oldWords, tokens(new[added[j]].text)) { pairedAt = j; break }
            }
            guard let j = pairedAt else {
                changes.append(BlockChange(kind: .removed, old: i, new: nil))
                continue
            }
            for skipped in added[nextAdded..<j] { changes.append(BlockChange(kind: .added, old: nil, new: skipped)) }
            changes.append(BlockChange(kind: .changed, old: i, new: added[j], words: wordChanges(old[i], new[added[j]])))
            nextAdded = j + 1
        }
        for j in added[nextAdded...] { changes.append(BlockChange(kind: .added, old: nil, new: j)) }
        return changes
    }

    static let searchBudget = 8

    /// Whether two blocks share at least half their words, in order. A count of shared words
    /// (which can only be higher) rules most pairs out before the word-by-word comparison.
    private static func alike(_ a: [String], _ b: [String]) -> Bool {
        let aWords = a.filter { !$0.allSatisfy(\.isWhitespace) }, bWords = b.filter { !$0.allSatisfy(\.isWhitespace) }
        let longest = max(aWords.count, bWords.count)
        guard longest > 0 else { return true }
        var counts: [String: Int] = [:]
        for word in aWords { counts[word, default: 0] += 1 }
        var shared = 0
        for word in bWords where counts[word, default: 0] > 0 { counts[word]! -= 1; shared += 1 }
        guard Double(shared) / Double(longest) >= 0.5 else { return false }
        return similarity(aWords, bWords) >= 0.5
    }

    /// The share of words the two texts have in common, from 0 to 1.
    private static func similarity(_ a: [String], _ b: [String]) -> Double {
        let aWords = a.filter { !$0.allSatisfy(\.isWhitespace) }, bWords = b.filter { !$0.allSatisfy(\.isWhitespace) }
        guard !aWords.isEmpty || !bWords.isEmpty else { return 1 }
        let same = shortestEditScript(aWords, bWords).filter { if case .same = $0 { return true } else { return false } }.count
        return Double(same) / Double(max(aWords.count, bWords.count))
    }

    /// A changed block's words, followed by the addresses of its links and images that changed
    /// (" Address: old new", the old deleted and the new inserted), which its words alone would not show.
    static func wordChanges(_ old: TextBlock, _ new: TextBlock) -> [WordChange] {
        var words = wordChanges(old.text, new.text)
        guard old.destinations != new.destinations else { return words }
        let removed = old.destinations.filter { !new.destinations.contains($0) }
        let added = new.destinations.filter { !old.destinations.contains($0) }
        words.append(WordChange(kind: .same, text: removed.count + added.count > 2 ? " Addresses: " : " Address: "))
        for (index, address) in removed.enumerated() {
            words.append(WordChange(kind: .deleted, text: address))
            if index < added.count { words.append(WordChange(kind: .inserted, text: added[index])) }
            words.append(WordChange(kind: .same, text: " "))
        }
        for address in added.dropFirst(removed.count) {
            words.append(WordChange(kind: .inserted, text: address))
            words.append(WordChange(kind: .same, text: " "))
        }
        if words.last?.text == " " { words.removeLast() }
        return words
    }

    /// The words of the newer text, with runs that were inserted or deleted marked; spaces and
    /// line breaks are kept, so runs read naturally.
    static func wordChanges(_ old: String, _ new: String) -> [WordChange] {
        let a = tokens(old), b = tokens(new)
        var result: [WordChange] = []
        func add(_ kind: WordChange.Kind, _ text: String) {
            if let last = result.last, last.kind == kind {
                result[result.count - 1].text += text
            } else {
                result.append(WordChange(kind: kind, text: text))
            }
        }
        for step in shortestEditScript(a, b) {
            switch step {
            case .same(_, let j): add(.same, b[j])
            case .removed(let i): add(.deleted, a[i])
            case .added(let j): add(.inserted, b[j])
            }
        }
        return tidy(result)
    }

    /// Merges each stretch of changes into one deleted run followed by one inserted run, taking
    /// in the spaces between its words, so "the quick brown fox" → "the slow red fox" reads
    /// "the [quick brown][slow red] fox" rather than alternating single words.
    private static func tidy(_ runs: [WordChange]) -> [WordChange] {
        var out: [WordChange] = []
        var deleted = "", inserted = "", space = ""
        func flush() {
            if !deleted.isEmpty { out.append(WordChange(kind: .deleted, text: deleted)) }
            if !inserted.allSatisfy(\.isWhitespace) { out.append(WordChange(kind: .inserted, text: inserted)) }
            if !space.isEmpty { out.append(WordChange(kind: .same, text: space)) }
            deleted = ""; inserted = ""; space = ""
        }
        for run in runs {
            let pending = !deleted.isEmpty || !inserted.isEmpty
            switch run.kind {
            case .same where pending && run.text.allSatisfy(\.isWhitespace):
                space += run.text
            case .same:
                flush()
                out.append(run)
            case .deleted, .inserted:
                if !space.isEmpty { deleted += deleted.isEmpty ? "" : space; inserted += inserted.isEmpty ? "" : space; space = "" }
                if run.kind == .deleted { deleted += run.text } else { inserted += run.text }
            }
        }
        flush()
        return out
    }

    /// Words, runs of whitespace and single punctuation marks, in order: joined they give the
    /// text back. Punctuation stands alone so that "agree," and "agree" share the word.
    static func tokens(_ text: String) -> [String] {
        enum Class { case space, word, mark }
        func classOf(_ character: Character) -> Class {
            if character.isWhitespace { return .space }
            if character.isLetter || character.isNumber || character == "'" || character == "’" { return .word }
            return .mark
        }
        var tokens: [String] = []
        var current = ""
        var currentClass = Class.space
        for character in text {
            let kind = classOf(character)
            if !current.isEmpty, kind != currentClass || kind == .mark {
                tokens.append(current)
                current = ""
            }
            currentClass = kind
            current.append(character)
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}

/// A block as the comparison matches it: its kind, its words one space apart, and where its links go.
/// The words are spaced only when two blocks' texts differ: most blocks compared are the same text,
/// most often the same string, and spacing every block of a thousand changed chapters was 2% of a
/// two-edition build's CPU.
private struct BlockKey: Hashable {
    var block: TextBlock

    init(_ block: TextBlock) {
        self.block = block
    }

    static func == (one: BlockKey, other: BlockKey) -> Bool {
        let (a, b) = (one.block, other.block)
        guard a.kind == b.kind, a.destinations == b.destinations else { return false }
        return a.text == b.text || singleSpaced(a.text) == singleSpaced(b.text)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(block.kind)
        hasher.combine(singleSpaced(block.text))
        hasher.combine(block.destinations)
    }
}
