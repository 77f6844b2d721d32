/// Publication by date: an edition whose `published` date is after the build date does not exist
/// in that build. It is taken out of the publication as soon as the content is read, before any
/// chapter is rendered, so that no page, index, feed, printable page or PDF can carry its text.
/// An edition without a `published` date has no embargo.
public enum Embargo {
    /// The publication as a build for `date` publishes it. With `preview`, embargoed editions stay
    /// (each of their pages is marked as embargoed); without it, only their ids and dates are kept.
    public static func publication(_ publication: Publication, on date: CalendarDate, preview: Bool) -> Publication {
        var result = publication
        result.embargoed = publication.editions.compactMap { edition in
            guard let published = edition.published, published > date else { return nil }
            return EmbargoedEdition(id: edition.id, published: published)
        }
        let embargoed = Set(result.embargoed.map(\.id))
        if !preview { result.editions.removeAll { embargoed.contains($0.id) } }
        return result
    }

    /// The first day any edition is published, when none is published by the build date: what the
    /// front page announces before the first edition's date.
    static func firstPublication(_ publication: Publication) -> CalendarDate? {
        guard publication.currentEdition == nil else { return nil }
        return publication.embargoed.map(\.published).min()
    }

    /// What a build for `date` publishes and leaves out, for `routemap check`: "A build for 20 March 2011
    /// publishes draft (published 8 March 2011) and leaves out final (embargoed until 11 May 2011)."
    public static func schedule(_ publication: Publication, on date: CalendarDate) -> String {
        let published = publication.editions.filter { !publication.isEmbargoed($0.id) }.map { edition in
            edition.id + (edition.published.map { " (published \($0.long))" } ?? "")
        }
        let left = publication.embargoed.map { "\($0.id) (embargoed until \($0.published.long))" }
        var text = "A build for \(date.long) publishes " + (published.isEmpty ? "no edition" : published.joined(separator: ", "))
        if !left.isEmpty { text += " and leaves out " + left.joined(separator: ", ") }
        return text + "."
    }
}
