import ArgumentParser
import RoutemapKit

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start something new in the content.", subcommands: [NewChapterCommand.self])
}

struct NewChapterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "chapter",
                                                    abstract: "Write a new chapter file, placed after the edition's last chapter.")

    @Argument(help: "The chapter's title.")
    var title: String

    @Option(help: "The edition folder, such as 'final'.")
    var edition: String

    @Option(help: "The content folder.")
    var content = "content"

    func run() throws {
        do {
            let log = DiagnosticLog()
            guard let chapter = try ChapterScaffold.create(title: title, edition: edition, contentDirectory: content, log: log) else {
                printError(log.items.reportText)
                throw ExitCode.failure
            }
            print("Wrote \(chapter.path): chapter '\(chapter.id)', order \(chapter.order). Its page will be \(edition)/\(chapter.id).html.")
        } catch let error as OutputError {
            printError(error.description)
            throw ExitCode.failure
        }
    }
}
