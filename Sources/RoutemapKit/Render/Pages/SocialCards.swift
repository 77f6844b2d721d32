import Foundation
import Synchronization
import RoutemapMarkdown
import Templates

/// Social cards: the picture a link shows when it is shared. One 1200×630 PNG for the publication
/// (`social-card.png`) and one per edition (`<edition>/social-card.png`), which pages name in
/// `og:image` and `twitter:image`, with alt text. Each is drawn from the theme's
/// `social-card.mustache` (an SVG: title, edition, publisher, and the theme's `assets/logo.svg` or
/// `assets/logo.png` when it has one), rendered by Debian's `rsvg-convert` (package librsvg2-bin),
/// which makes the same bytes from the same SVG. Open Graph needs absolute addresses, so cards are
/// made only with `base_url`; without `rsvg-convert` the build warns and makes none.
struct SocialCard: Equatable {
    static let width = 1200
    static let height = 630
    /// Where the card of the publication goes; an edition's is `<edition>/social-card.png`.
    static func path(edition: String?) -> String {
        edition.map { "\($0)/social-card.png" } ?? "social-card.png"
    }

    var path: String
    var view: SocialCardView
    /// What the picture shows, for `og:image:alt`.
    var alt: String
}

/// `social-card.mustache`: the card's words, already broken into lines (SVG does not wrap text).
struct SocialCardView: TemplateFields, Equatable {
    var width: Int
    var height: Int
    /// Above the title: the publication's, on an edition's card.
    var kicker: String?
    var titleLines: [SocialCardLine]
    var editionLine: String
    var publisher: String
    /// The theme's logo as a data: URI, or nil.
    var logo: String?
}

struct SocialCardLine: TemplateFields, Equatable {
    var text: String
    var y: Int
}

/// A page's social card as `layout.mustache` names it.
struct SocialImageView: TemplateFields, Equatable {
    /// Absolute: Open Graph wants it so.
    var url: String
    var alt: String
    var width: Int
    var height: Int
}

/// Finds `rsvg-convert` and turns a card's SVG into PNG bytes.
struct SocialCardRenderer: Sendable {
    let executable: String

    /// `rsvg-convert` on the PATH, or at `explicitPath`; nil when there is none.
    static func find(explicitPath: String? = nil) -> SocialCardRenderer? {
        if let explicitPath {
            return FileManager.default.isExecutableFile(atPath: explicitPath) ? SocialCardRenderer(executable: explicitPath) : nil
        }
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/rsvg-convert") {
            return SocialCardRenderer(executable: "\(folder)/rsvg-convert")
        }
        return nil
    }

    /// The same SVG gives the same PNG: kept for the preview server, which rebuilds on every save.
    private static let made = MadeCards()

    /// The PNG, or nil when rsvg-convert fails; `reuse: false` draws it again even when it was drawn before.
    func png(svg: String, reuse: Bool = true) -> [UInt8]? {
        if reuse, let png = Self.made.get(svg) { return png }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--format=png", "--width=\(SocialCard.width)", "--height=\(SocialCard.height)"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        // Written from another thread: a pipe holds 64 KB, and rsvg-convert writes before it has read it all.
        let writer = Thread {
            input.fileHandleForWriting.write(Data(svg.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, data.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return nil }
        let png = [UInt8](data)
        Self.made.set(svg, png)
        return png
    }
}

/// A card drawn on a thread of its own from when it is started; `png` waits for it (and starts it
/// if nothing did). Each card costs an rsvg-convert about 50 ms of CPU (half of it encoding the
/// PNG): drawn one after another by the threads making the pages, when they reached them, the real
/// content/'s three cards were most of its build, with a core waiting (docs/guide/performance.md);
/// started together before the pages, they cost the build only the processor time they take.
final class CardDrawing: Sendable {
    private let draw: @Sendable () -> [UInt8]?
    private let started = Mutex(false)
    private let made = Mutex<[UInt8]??>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ draw: @escaping @Sendable () -> [UInt8]?) {
        self.draw = draw
    }

    /// Starts drawing, once.
    func start() {
        let first = started.withLock { wasStarted -> Bool in
            guard !wasStarted else { return false }
            wasStarted = true
            return true
        }
        guard first else { return }
        // A thread rather than a dispatch queue: the pages' threads fill the queues' pool, and a
        // card queued behind them would be drawn at the end, as before.
        Thread { [self] in
            let png = draw()
            made.withLock { $0 = .some(png) }
            done.signal()
        }.start()
    }

    /// The PNG, once drawn; nil when rsvg-convert could not draw it.
    var png: [UInt8]? {
        if let png = made.withLock({ $0 }) { return png }
        start()
        done.wait()
        done.signal()
        return made.withLock { $0 } ?? nil
    }
}

private final class MadeCards: Sendable {
    private let cards = Mutex<[String: [UInt8]]>([:])
    func get(_ svg: String) -> [UInt8]? { cards.withLock { $0[svg] } }
    func set(_ svg: String, _ png: [UInt8]) { cards.withLock { $0[svg] = png } }
}

extension SiteLayout {
    /// The cards to make: none without `base_url` or without `rsvg-convert`.
    func socialCards(logo: String?) -> [SocialCard] {
        guard config.baseURL != nil, socialCardRenderer != nil else { return [] }
        var cards: [SocialCard] = []
        let current = site.publication.currentEdition
        cards.append(card(path: SocialCard.path(edition: nil), title: config.title, edition: current, logo: logo))
        for edition in site.publication.editions {
            cards.append(card(path: SocialCard.path(edition: edition.id), title: edition.title, edition: edition, logo: logo))
        }
        return cards
    }

    /// The card a page shows: its edition's, or the publication's.
    func socialImage(forPage page: String) -> SocialImageView? {
        guard let base = config.baseURL, socialCardRenderer != nil else { return nil }
        // The current edition's printable page at its stable address is that edition's page.
        let edition = page == SitePaths.currentPrintPage ? site.publication.currentEdition
            : firstFolder(of: page).flatMap { site.publication.edition($0) }
        return SocialImageView(url: base + SocialCard.path(edition: edition?.id),
                               alt: cardAlt(title: edition?.title ?? config.title, edition: edition ?? site.publication.currentEdition),
                               width: SocialCard.width, height: SocialCard.height)
    }

    /// Each card's PNG; a card rsvg-convert cannot draw is left out. The cards are drawn together,
    /// beside the pages, from when the site's files start to be made (see `CardDrawing`).
    func socialCards() -> [PlannedFile] {
        guard let renderer = socialCardRenderer else { return [] }
        return socialCards(logo: themeLogo).map { card in
            let svg = theme.render(card.view, template: "social-card").text
            let drawing = CardDrawing { renderer.png(svg: svg) }
            return PlannedFile(card.path, origin: publicationFile, prepare: drawing.start) { drawing.png.map { .bytes($0) } }
        }
    }

    private func card(path: String, title: String, edition: Edition?, logo: String?) -> SocialCard {
        let lines = wrap(title, width: 28, maxLines: 4)
        // The title's lines sit in the middle of the space between the header and the footer.
        let lineHeight = 70
        let top = 215 + (4 - lines.count) * lineHeight / 2
        var editionLine = edition?.shortTitle ?? ""
        if let published = edition?.published { editionLine += editionLine.isEmpty ? "Published \(published.long)" : " · published \(published.long)" }
        let view = SocialCardView(
            width: SocialCard.width, height: SocialCard.height,
            kicker: path == SocialCard.path(edition: nil) ? nil : config.title,
            titleLines: lines.enumerated().map { SocialCardLine(text: $1, y: top + $0 * lineHeight) },
            editionLine: editionLine,
            publisher: config.publisher,
            logo: logo
        )
        return SocialCard(path: path, view: view, alt: cardAlt(title: title, edition: edition))
    }

    /// What the card shows, in words: "Planting the Flag… – Final edition, published by Socitm".
    private func cardAlt(title: String, edition: Edition?) -> String {
        var alt = title
        if let edition { alt += " – \(edition.shortTitle)" }
        return alt + ", published by \(config.publisher)"
    }

    /// The theme's `assets/logo.svg` or `assets/logo.png`, as a data: URI.
    private var themeLogo: String? {
        for (name, type) in [("logo.svg", "image/svg+xml"), ("logo.png", "image/png")] {
            guard let data = theme.assets.first(where: { $0.outputPath == SitePaths.assetsFolder + "/" + name })?.source.data else { continue }
            return "data:\(type);base64," + data.base64EncodedString()
        }
        return nil
    }
}

/// Breaks `text` into lines of at most about `width` characters, at spaces; the last of
/// `maxLines` ends with "…" when the text is longer.
func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
        if !line.isEmpty, line.count + 1 + word.count > width {
            lines.append(line)
            line = ""
        }
        line += line.isEmpty ? String(word) : " " + word
    }
    if !line.isEmpty { lines.append(line) }
    if lines.count > maxLines {
        lines = Array(lines.prefix(maxLines))
        lines[maxLines - 1] += "…"
    }
    return lines
}
