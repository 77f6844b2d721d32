import ArgumentParser
import RoutemapKit

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a small publication that builds as it is, to start from.")

    @Argument(help: "The folder to write content/ into (made if need be).")
    var folder = "."

    func run() throws {
        do {
            let files = try PublicationScaffold.create(in: folder)
            for file in files { print("Wrote \(folder == "." ? file : folder + "/" + file)") }
            let into = folder == "." ? "" : "cd \(folder) && "
            print("Now: \(into)routemap build, then open output/index.html; or \(into)routemap serve.")
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
    }
}
