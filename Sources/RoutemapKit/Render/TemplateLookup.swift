import Templates

// Every view model is something templates can read. By default a view's fields are found through
// Mirror, which reflects every field of the value for every lookup: for the views drawn thousands
// of times on a large site (links, chapters, the layout) that costs more than parsing the Markdown,
// so those name their fields themselves. A field missing from such a list would be invisible to
// templates: TemplateLookupTests compares every hand-listed view's answers with Mirror's.

// Views drawn a few times per edition: Mirror is fast enough.
extension AccessibilityStatementView: TemplateFields {}
extension ChangeGroupView: TemplateFields {}
extension ChangedChapterView: TemplateFields {}
extension ChangesPageView: TemplateFields {}
extension CitationView: TemplateFields {}
extension ConsultationBannerView: TemplateFields {}
extension EmbargoNoticeView: TemplateFields {}
extension RespondPageView: TemplateFields {}
extension QuestionView: TemplateFields {}
extension FrontConsultationView: TemplateFields {}
extension CounterpartView: TemplateFields {}
extension NotFoundView: TemplateFields {}
extension OverviewPageView: TemplateFields {}
extension PDFDocumentView: TemplateFields {}
extension PDFLinkView: TemplateFields {}
extension PrintPageView: TemplateFields {}
extension SearchPageView: TemplateFields {}
extension SocialCardLine: TemplateFields {}
extension SocialCardView: TemplateFields {}
extension SuccessorView: TemplateFields {}
extension TermCountView: TemplateFields {}

// Views drawn for every chapter, on its page and in lists.

/// Drawn for every block of every chapter on the changes pages (two editions of 2,000 chapters:
/// through Mirror, these lookups took a quarter of the build).
extension BlockChangeView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "kind": kind.templateValue
        case "label": label.templateValue
        case "unchanged": unchanged.templateValue
        case "paragraphNumber": paragraphNumber.templateValue
        case "anchor": anchor.templateValue
        case "heading": heading.templateValue
        case "words": words.templateValue
        case "movedToURL": movedToURL.templateValue
        default: nil
        }
    }
}

/// Every page's layout carries one (a lookup through Mirror was 3% of a build).
extension SocialImageView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "url": url.templateValue
        case "alt": alt.templateValue
        case "width": width.templateValue
        case "height": height.templateValue
        default: nil
        }
    }
}

/// Looked up again for every name a block's own view lacks.
extension ChapterChangesPageView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "number": number.templateValue
        case "title": title.templateValue
        case "oldTitle": oldTitle.templateValue
        case "retitled": retitled.templateValue
        case "chapterURL": chapterURL.templateValue
        case "olderChapterURL": olderChapterURL.templateValue
        case "olderEditionTitle": olderEditionTitle.templateValue
        case "summaryURL": summaryURL.templateValue
        case "added": added.templateValue
        case "removed": removed.templateValue
        case "changed": changed.templateValue
        case "moved": moved.templateValue
        case "unchangedCount": unchangedCount.templateValue
        case "noChanges": noChanges.templateValue
        case "blocks": blocks.templateValue
        default: nil
        }
    }
}

/// Looked up again for every name a listed chapter's view lacks (an audience page lists them all).
extension TermPageView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "kindLabel": kindLabel.templateValue
        case "term": term.templateValue
        case "chapters": chapters.templateValue
        case "edition": edition.templateValue
        case "overviewURL": overviewURL.templateValue
        case "actionGroups": actionGroups.templateValue
        case "actionsHeading": actionsHeading.templateValue
        case "statusesDiffer": statusesDiffer.templateValue
        default: nil
        }
    }
}

/// An audience's page lists every action of the edition for it.
extension ActionGroupView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "chapterNumber": chapterNumber.templateValue
        case "chapterTitle": chapterTitle.templateValue
        case "chapterURL": chapterURL.templateValue
        case "actions": actions.templateValue
        default: nil
        }
    }
}

extension ActionView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "text": text.templateValue
        case "url": url.templateValue
        default: nil
        }
    }
}

extension WordChangeView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "text": text.templateValue
        case "same": same.templateValue
        case "inserted": inserted.templateValue
        case "deleted": deleted.templateValue
        case "spaceBefore": spaceBefore.templateValue
        default: nil
        }
    }
}

extension LinkView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "title": title.templateValue
        case "url": url.templateValue
        default: nil
        }
    }
}

extension TermView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "id": id.templateValue
        case "label": label.templateValue
        case "description": description.templateValue
        case "url": url.templateValue
        default: nil
        }
    }
}

extension LayoutView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "lang": lang.templateValue
        case "pageTitle": pageTitle.templateValue
        case "description": description.templateValue
        case "canonicalURL": canonicalURL.templateValue
        case "root": root.templateValue
        case "publicationTitle": publicationTitle.templateValue
        case "publisher": publisher.templateValue
        case "licenceName": licenceName.templateValue
        case "licenceURL": licenceURL.templateValue
        case "homeURL": homeURL.templateValue
        case "editionLinks": editionLinks.templateValue
        case "breadcrumbs": breadcrumbs.templateValue
        case "content": content.templateValue
        case "openGraphLocale": openGraphLocale.templateValue
        case "openGraphType": openGraphType.templateValue
        case "searchURL": searchURL.templateValue
        case "searchEdition": searchEdition.templateValue
        case "feedURL": feedURL.templateValue
        case "accessibilityURL": accessibilityURL.templateValue
        case "banner": banner.templateValue
        case "embargo": embargo.templateValue
        case "runningHeader": runningHeader.templateValue
        case "generator": generator.templateValue
        case "publicationShortTitle": publicationShortTitle.templateValue
        case "frontPage": frontPage.templateValue
        case "inlineStyle": inlineStyle.templateValue
        case "socialImage": socialImage.templateValue
        default: nil
        }
    }
}

extension EditionLinkView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "title": title.templateValue
        case "shortTitle": shortTitle.templateValue
        case "url": url.templateValue
        case "current": current.templateValue
        default: nil
        }
    }
}

extension ChapterLinkView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "number": number.templateValue
        case "title": title.templateValue
        case "url": url.templateValue
        case "summary": summary.templateValue
        case "statusLabel": statusLabel.templateValue
        case "current": current.templateValue
        default: nil
        }
    }
}

extension PartView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "heading": heading.templateValue
        case "anchor": anchor.templateValue
        case "chapters": chapters.templateValue
        default: nil
        }
    }
}

extension ContentsView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "editionTitle": editionTitle.templateValue
        case "contentsURL": contentsURL.templateValue
        case "parts": parts.templateValue
        default: nil
        }
    }
}

extension FrontPageView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "publicationTitle": publicationTitle.templateValue
        case "publisher": publisher.templateValue
        case "firstPublished": firstPublished.templateValue
        case "consultation": consultation.templateValue
        case "current": current.templateValue
        case "pdf": pdf.templateValue
        case "editions": editions.templateValue
        default: nil
        }
    }
}

extension EditionSummaryView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "title": title.templateValue
        case "shortTitle": shortTitle.templateValue
        case "kind": kind.templateValue
        case "statusLabel": statusLabel.templateValue
        case "published": published.templateValue
        case "summary": summary.templateValue
        case "url": url.templateValue
        case "chapterCount": chapterCount.templateValue
        case "statusNote": statusNote.templateValue
        case "isCurrent": isCurrent.templateValue
        default: nil
        }
    }
}

extension ContentsPageView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "edition": edition.templateValue
        case "contents": contents.templateValue
        case "citation": citation.templateValue
        case "overviewURL": overviewURL.templateValue
        case "changes": changes.templateValue
        case "printURL": printURL.templateValue
        case "pdf": pdf.templateValue
        default: nil
        }
    }
}

extension SectionLinkView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "text": text.templateValue
        case "id": id.templateValue
        case "level": level.templateValue
        case "subsection": subsection.templateValue
        default: nil
        }
    }
}

extension ChapterPageView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "number": number.templateValue
        case "title": title.templateValue
        case "part": part.templateValue
        case "summary": summary.templateValue
        case "updated": updated.templateValue
        case "themes": themes.templateValue
        case "audiences": audiences.templateValue
        case "status": status.templateValue
        case "sections": sections.templateValue
        case "body": body.templateValue
        case "previous": previous.templateValue
        case "next": next.templateValue
        case "contents": contents.templateValue
        case "edition": edition.templateValue
        case "counterparts": counterparts.templateValue
        case "changes": changes.templateValue
        case "printURL": printURL.templateValue
        default: nil
        }
    }
}

extension SidebarView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "editionTitle": editionTitle.templateValue
        case "contentsURL": contentsURL.templateValue
        case "abridged": abridged.templateValue
        case "chapterCount": chapterCount.templateValue
        case "partsBefore": partsBefore.templateValue
        case "parts": parts.templateValue
        case "partsAfter": partsAfter.templateValue
        default: nil
        }
    }
}

extension SidebarPartView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "heading": heading.templateValue
        case "label": label.templateValue
        case "url": url.templateValue
        case "anchor": anchor.templateValue
        case "expanded": expanded.templateValue
        case "partChapterCount": partChapterCount.templateValue
        case "numbers": numbers.templateValue
        case "chaptersBefore": chaptersBefore.templateValue
        case "chapters": chapters.templateValue
        case "chaptersAfter": chaptersAfter.templateValue
        default: nil
        }
    }
}

extension MoreLinkView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "text": text.templateValue
        case "url": url.templateValue
        default: nil
        }
    }
}

extension PrintPartView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "heading": heading.templateValue
        case "chapters": chapters.templateValue
        default: nil
        }
    }
}

extension PrintChapterLinkView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "number": number.templateValue
        case "title": title.templateValue
        case "anchor": anchor.templateValue
        default: nil
        }
    }
}

extension PrintChapterView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "number": number.templateValue
        case "title": title.templateValue
        case "part": part.templateValue
        case "summary": summary.templateValue
        case "anchor": anchor.templateValue
        case "body": body.templateValue
        default: nil
        }
    }
}
