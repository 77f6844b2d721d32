/// Four places in Debian's WeasyPrint 57.2 (with its pydyf 0.5.0) whose work on each page grows with
/// the pages before it, or with the whole document, so that a long edition's PDF took time growing
/// with the square of its length. The driver (`WeasyPrintLaunch.driver`) mends them in the running
/// WeasyPrint before it prints; other versions are left as they are (WeasyPrint 70 has none of the
/// first three; it has the fourth as 57.2 has it, and is not mended).
///
/// Each mend is made only where the code it replaces, and the code it relies on, is exactly the
/// code studied (the first 16 hex digits of the SHA-256 of each function's source), so a WeasyPrint
/// patched under the same version number is left as it is. Each makes the same values the original
/// made, in the same order, so the PDF is the same to the byte: `WeasyPrintFixesTests` prints one page with and without them and compares. Measured
/// with cProfile and then without it (docs/guide/performance.md, *The PDFs*): at 125 chapters
/// (632 pages) they took 47.7 s of WeasyPrint's CPU to 40.8 s; at 250 (1,261 pages), 127.7 s to
/// 87.8 s; the fourth, measured the same way, is in *The PDFs* too. The four:
///
/// 1. pydyf's `PDF.page_references` makes every page's reference anew on each call, and tagging
///    calls it for every tagged box: now kept until a page is added (pages are only ever appended).
/// 2. PDF/UA tagging (`pdf/pdfua.py`) walks the whole document tree on each page
///    (`Document.build_element_structure`) to learn the parents of the few elements the page shows.
///    Each page's map now holds those elements and their ancestors, each with its parent, made as
///    the walk made them; the map is only looked up, never listed.
/// 3. Each page's margin boxes (`set_page_type_computed_styles`) were found by going through the
///    styles of every page laid out before it. While pages are laid out, those styles hold only
///    pages' (`StyleFor` clears the elements' once they are computed), each added by
///    `add_page_declarations`, so each page's are noted there as they are added, in their order.
/// 4. Each time an anchor is laid out on a page other than the one it was on before, the target
///    collector (`TargetCollector.cache_target_page_counters` in `css/targets.py`) went through every
///    counter lookup of the document to find the few that show that anchor's page numbers
///    (`target-counter()` in `content`: the contents and the "(chapter N, page P)" references).
///    The lookups are now indexed by the anchors they show, each anchor's in the order the
///    collector holds them, and the original's steps are taken for those alone. Lookups are only
///    ever added, by `collect_missing_counters` with `setdefault` while the boxes are built, before
///    pagination, when this function does nothing; a lookup's anchors are the keys of the dictionary
///    `compute_content_list` fills before it hands it over, and nothing changes them after. So the
///    index finds the same lookups in the same order; it is made when first needed, and made again
///    should the number of lookups ever change.
extension WeasyPrintLaunch {
    /// Defines `routemap_mend_weasyprint()`, which mends what it finds of the four and returns the
    /// names of those it mended.
    static let fixes = """
        def routemap_mend_weasyprint():
            import copy, hashlib, inspect, itertools
            import weasyprint
            mended = []
            if weasyprint.__version__ != '57.2':
                return mended
            import pydyf
            from weasyprint import pdf as pdf_package
            from weasyprint.css import StyleFor
            from weasyprint.css.targets import CounterLookupItem, TargetCollector
            from weasyprint.document import Document
            from weasyprint.formatting_structure import build as build_module
            from weasyprint.layout import page as page_module
            from weasyprint.pdf import pdfua as pdfua_module

            def as_studied(*functions):
                try:
                    return all(hashlib.sha256(inspect.getsource(function).encode()).hexdigest()[:16] == digest
                               for function, digest in functions)
                except (OSError, TypeError):
                    return False

            if as_studied((pydyf.PDF.page_references.fget, '060bf90aad55931b'), (pydyf.PDF.add_page, '6039cdea4114e530')):
                mend_page_references(pydyf)
                mended.append('page_references')

            if as_studied((pdfua_module.pdfua, 'dfe01a2f68e66ba2'), (Document.build_element_structure, '2787217b748d7b95')):
                mend_tagging(pdf_package, pdfua_module)
                mended.append('pdfua')
            if as_studied((page_module.set_page_type_computed_styles, '4e68b396b35c4a06'),
                          (StyleFor.add_page_declarations, '293546f752daf0a1'), (StyleFor.__init__, '2c260f0e524d3888')):
                mend_margin_boxes(StyleFor, page_module, itertools)
                mended.append('set_page_type_computed_styles')
            if as_studied((TargetCollector.cache_target_page_counters, '545eb30bb50f0e49'),
                          (TargetCollector.collect_missing_counters, '24ea43be86560c9d'), (TargetCollector.__init__, '8ebcb53ff4592ee2'),
                          (CounterLookupItem.__init__, 'e2ee4b5e8cb119b8'), (build_module.compute_content_list, 'e039daf3f4fc62e5')):
                mend_target_counters(TargetCollector, copy)
                mended.append('cache_target_page_counters')
            return mended


        def mend_page_references(pydyf):
            make_references = pydyf.PDF.page_references.fget

            def page_references(self):
                count = len(self.pages['Kids'])
                kept = self.__dict__.get('_routemap_page_references')
                if kept is None or kept[0] != count:
                    kept = self._routemap_page_references = (count, make_references(self))
                return kept[1]
            pydyf.PDF.page_references = property(page_references)


        def mend_tagging(pdf_package, pdfua_module):
            tag_pages, tagging = pdfua_module.VARIANTS['pdf/ua-1']

            def pdfua(pdf, metadata, document, page_streams):
                root = document._html.etree_element
                parents = {child: parent for parent in root.iter() for child in parent}
                pages = iter(page_streams)

                def build_element_structure(structure, etree_element=None):
                    structure[root] = {'parent': None}
                    for _, box in next(pages).marked:
                        element = box.element
                        while element is not None and element not in structure:
                            structure[element] = {'parent': parents.get(element)}
                            element = parents.get(element)
                document.build_element_structure = build_element_structure
                try:
                    return tag_pages(pdf, metadata, document, page_streams)
                finally:
                    del document.build_element_structure
            pdfua_module.VARIANTS['pdf/ua-1'] = pdf_package.VARIANTS['pdf/ua-1'] = (pdfua, tagging)


        def mend_margin_boxes(StyleFor, page_module, itertools):
            add_declarations = StyleFor.add_page_declarations

            def add_page_declarations(self, page_type):
                styles = self._cascaded_styles
                count = len(styles)
                add_declarations(self, page_type)
                added = list(itertools.islice(reversed(styles), len(styles) - count))[::-1]
                by_page = self.__dict__.setdefault('_routemap_page_styles', {})
                for key in added:
                    by_page.setdefault(key[0], []).append(key)
            StyleFor.add_page_declarations = add_page_declarations

            def set_page_type_computed_styles(page_type, html, style_for):
                style_for.add_page_declarations(page_type)
                style_for.set_computed_styles(
                    page_type, root=html.etree_element, parent=html.etree_element, base_url=html.base_url)
                for element, pseudo_type in style_for.__dict__.get('_routemap_page_styles', {}).get(page_type, ()):
                    if pseudo_type:
                        style_for.set_computed_styles(
                            element, pseudo_type=pseudo_type, root=html.etree_element, parent=element,
                            base_url=html.base_url)
            page_module.set_page_type_computed_styles = set_page_type_computed_styles


        def mend_target_counters(TargetCollector, copy):
            def lookups_by_anchor(collector):
                lookups = collector.counter_lookup_items
                kept = collector.__dict__.get('_routemap_lookups_by_anchor')
                if kept is None or kept[0] is not lookups or kept[1] != len(lookups):
                    by_anchor = {}
                    for (_, css_token), item in lookups.items():
                        if css_token == 'content':
                            for anchor_name in item.missing_target_counters:
                                by_anchor.setdefault(anchor_name, []).append(item)
                    kept = collector._routemap_lookups_by_anchor = (lookups, len(lookups), by_anchor)
                return kept[2]

            def cache_target_page_counters(self, anchor_name, page_counter_values, page_maker_index, page_maker):
                if self.collecting:
                    return
                item = self.target_lookup_items.get(anchor_name)
                if item and item.state == 'up-to-date':
                    item.page_maker_index = page_maker_index
                    if item.cached_page_counter_values != page_counter_values:
                        item.cached_page_counter_values = copy.deepcopy(page_counter_values)
                        for item in lookups_by_anchor(self).get(anchor_name, ()):
                            missing_counters = item.missing_target_counters.get(anchor_name)
                            if missing_counters is None:
                                continue
                            if item.page_maker_index is None or item.page_maker_index >= len(page_maker):
                                item.pending = True
                                continue
                            for counter_name in missing_counters:
                                counter_value = page_counter_values.get(counter_name)
                                if counter_value is not None:
                                    remake_state = page_maker[item.page_maker_index][-1]
                                    remake_state['content_changed'] = True
                                    item.parse_again(item.cached_page_counter_values)
                                    break
            TargetCollector.cache_target_page_counters = cache_target_page_counters
        """
}
