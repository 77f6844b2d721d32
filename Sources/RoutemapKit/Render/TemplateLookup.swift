import Mustache

// swift-mustache finds a value's fields through Mirror, which reflects every field of the value
// for every lookup: for a site of 2,000 chapters that cost more than parsing the Markdown. Each
// view model therefore names its fields itself. A field missing here would be invisible to
// templates: TemplateLookupTests compares every view model's answers with Mirror's.

extension LinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        default: nil
        }
    }
}

extension TermView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "label": label
        case "description": description
        case "url": url
        default: nil
        }
    }
}

extension LayoutView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "pageTitle": pageTitle
        case "description": description
        case "canonicalURL": canonicalURL
        case "root": root
        case "publicationTitle": publicationTitle
        case "publisher": publisher
        case "licenceName": licenceName
        case "licenceURL": licenceURL
        case "homeURL": homeURL
        case "editionLinks": editionLinks
        case "breadcrumbs": breadcrumbs
        case "content": content
        case "openGraphLocale": openGraphLocale
        case "openGraphType": openGraphType
        case "searchURL": searchURL
        case "searchEdition": searchEdition
        case "feedURL": feedURL
        case "accessibilityURL": accessibilityURL
        case "banner": banner
        case "runningHeader": runningHeader
        default: nil
        }
    }
}

extension EditionLinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "shortTitle": shortTitle
        case "url": url
        case "current": current
        default: nil
        }
    }
}

extension ChapterLinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "title": title
        case "url": url
        case "summary": summary
        case "statusLabel": statusLabel
        case "current": current
        default: nil
        }
    }
}

extension PartView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "anchor": anchor
        case "chapters": chapters
        default: nil
        }
    }
}

extension ContentsView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "editionTitle": editionTitle
        case "contentsURL": contentsURL
        case "parts": parts
        default: nil
        }
    }
}

extension FrontPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "publicationTitle": publicationTitle
        case "publisher": publisher
        case "current": current
        case "editions": editions
        default: nil
        }
    }
}

extension EditionSummaryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "shortTitle": shortTitle
        case "kind": kind
        case "statusLabel": statusLabel
        case "published": published
        case "summary": summary
        case "url": url
        case "chapterCount": chapterCount
        default: nil
        }
    }
}

extension ContentsPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "edition": edition
        case "contents": contents
        case "citation": citation
        case "overviewURL": overviewURL
        case "changes": changes
        case "printURL": printURL
        case "pdf": pdf
        default: nil
        }
    }
}

extension SectionLinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "id": id
        case "level": level
        case "subsection": subsection
        default: nil
        }
    }
}

extension ChapterPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "title": title
        case "part": part
        case "summary": summary
        case "updated": updated
        case "themes": themes
        case "audiences": audiences
        case "status": status
        case "sections": sections
        case "body": body
        case "previous": previous
        case "next": next
        case "contents": contents
        case "edition": edition
        case "counterparts": counterparts
        case "changes": changes
        case "printURL": printURL
        default: nil
        }
    }
}

extension SidebarView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "editionTitle": editionTitle
        case "contentsURL": contentsURL
        case "abridged": abridged
        case "chapterCount": chapterCount
        case "partsBefore": partsBefore
        case "parts": parts
        case "partsAfter": partsAfter
        default: nil
        }
    }
}

extension SidebarPartView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "label": label
        case "url": url
        case "anchor": anchor
        case "expanded": expanded
        case "partChapterCount": partChapterCount
        case "numbers": numbers
        case "chaptersBefore": chaptersBefore
        case "chapters": chapters
        case "chaptersAfter": chaptersAfter
        default: nil
        }
    }
}

extension MoreLinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "url": url
        default: nil
        }
    }
}
