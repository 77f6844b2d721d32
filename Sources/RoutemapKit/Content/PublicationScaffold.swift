import Foundation

/// `routemap init [folder]`: a small publication that builds and checks clean as it is, for a new
/// publisher to start from: the configuration with its vocabularies, one edition, two chapters
/// (one in a folder) and an image.
public enum PublicationScaffold {
    /// Writes `content/` into `folder` (made if need be) and returns the files written, relative to it.
    /// Refuses a folder that already holds `content/`, so nothing of anyone's is overwritten.
    public static func create(in folder: String) throws(OutputError) -> [String] {
        let content = join(folder, "content")
        if FileManager.default.fileExists(atPath: content) {
            throw OutputError(path: content, reason: "there is already a content folder here",
                              hint: "run 'routemap init' in an empty folder, or give one: 'routemap init my-publication'")
        }
        var written: [String] = []
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let target = join(folder, path)
            do {
                try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: target), options: .withoutOverwriting)
            } catch {
                throw OutputError(path: target, reason: "the file cannot be written: \(error.localizedDescription)",
                                  hint: "check that the folder can be written to")
            }
            written.append(path)
        }
        return written
    }

    static let files: [String: String] = [
        "content/routemap.yml": """
        title: My publication
        short_title: My publication
        publisher: My organisation
        licence:
          name: Open Government Licence v3.0
          url: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/
        language: en-GB
        accessibility:
          contact_email: accessibility@example.org
          compliance: full
          last_reviewed: 2025-01-01
          testing: Checked with routemap check.
        themes:
          - id: getting-started
            label: Getting started
            description: Where to begin.
        audiences:
          - id: everyone
            label: Everyone
            description: Every reader.
        statuses:
          - id: final
            label: Final
            description: Published.
        editions: [first]

        """,
        "content/first/edition.yml": """
        title: The first edition
        short_title: First edition
        kind: final
        status: final
        published: 2025-01-01
        summary: The first edition of the publication.

        """,
        "content/first/introduction.md": """
        ---
        title: Introduction
        order: 1
        theme: getting-started
        audience: everyone
        summary: What this publication is for.
        ---

        Each chapter is a Markdown file with front matter. Read [how to write one](guides/writing.md).

        ## What is in it

        ![A box standing for one chapter](images/chapter.svg)

        """,
        "content/first/guides/folder.yml": """
        part: Guides

        """,
        "content/first/guides/writing.md": """
        ---
        title: Writing a chapter
        order: 2
        theme: getting-started
        audience: everyone
        ---

        A chapter in a folder has its page in the same folder. Go back to the [introduction](../introduction.md#what-is-in-it).

        ## Checking before publishing

        Run `routemap check`: it reports anything that would not reach readers as written.

        """,
        "content/first/images/chapter.svg": """
        <svg xmlns="http://www.w3.org/2000/svg" width="120" height="80" viewBox="0 0 120 80"><rect x="10" y="10" width="100" height="60" fill="#1d70b8"/></svg>

        """,
    ]
}
