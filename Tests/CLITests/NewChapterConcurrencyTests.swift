import Foundation
import Testing

/// `routemap new chapter` run several times at once, as by two editors or a script: every chapter
/// gets an order of its own and a file of its own.
@Suite struct NewChapterConcurrencyTests {
    @Test func chaptersStartedAtOnceGetDifferentOrdersAndFiles() throws {
        let site = try SiteFolder()
        try site.write("content/draft/a.md", "---\ntitle: Alpha\norder: 1\n---\n\nText.\n")
        let runs = 6
        for round in 0..<3 {
            // The same title each time: the ids must differ too.
            let started = try (0..<runs).map { _ in try Command.start(["new", "chapter", "Shared services", "--edition", "draft"], in: site.path) }
            var orders: [Int] = []
            var paths: [String] = []
            for (process, pipe) in started {
                let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "\(output)")
                if let range = output.range(of: ", order ") { orders.append(Int(output[range.upperBound...].prefix { $0.isNumber }) ?? -1) }
                if let range = output.range(of: "Wrote ") { paths.append(String(output[range.upperBound...].prefix { $0 != ":" })) }
            }
            let first = 2 + round * runs
            #expect(orders.sorted() == Array(first..<first + runs), "round \(round): \(orders)")
            #expect(Set(paths).count == runs, "\(paths)")
        }
        let (status, output) = try Command.run(["build"], in: site.path)
        #expect(status == 0, "\(output)")
        #expect(!output.contains("content/draft/"), "no chapter has a problem: \(output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path + "/content/draft").filter { $0.hasSuffix(".md") }.count == 1 + 3 * runs)
    }
}
