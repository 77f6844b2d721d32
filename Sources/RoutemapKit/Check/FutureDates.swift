/// Dates a page would show that have not happened by the build date: a chapter "updated" next week,
/// an accessibility statement "last reviewed" tomorrow. Each is a warning at the date as written
/// (an error with `--strict`). Editions not yet published are previews, and are not checked.
enum FutureDates {
    static func check(_ publication: Publication, buildDate: CalendarDate, log: DiagnosticLog) {
        let hint = "a build for \(buildDate.long) would show a date that has not happened: correct the date, or build for a later day with --date"
        for edition in publication.editions where !publication.isEmbargoed(edition.id) {
            for chapter in edition.chapters {
                guard let updated = chapter.updated, updated > buildDate else { continue }
                log.add(.warning(chapter.sourcePath, line: chapter.updatedPosition.line, column: chapter.updatedPosition.column,
                                            "'updated: \(updated)' is after the build date (\(buildDate))", hint: hint))
            }
        }
        if let accessibility = publication.config.accessibility, accessibility.lastReviewed > buildDate {
            let position = accessibility.lastReviewedPosition
            log.add(.warning(join(publication.contentDirectory, ConfigLoader.fileName), line: position.line, column: position.column,
                                        "the accessibility statement's 'last_reviewed: \(accessibility.lastReviewed)' is after the build date (\(buildDate))",
                                        hint: hint))
        }
    }
}
