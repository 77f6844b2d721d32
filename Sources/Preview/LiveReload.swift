/// The small script the preview server adds to the pages it serves (never to output/): it asks
/// the server, by long polling, whether a newer site or a failed build exists; reloads the page
/// where it was scrolled to once the new site is complete; and shows a failed build's errors
/// over the page until they are fixed. Pages work without it.
enum LiveReload {
    static let scriptPath = "/__routemap/live.js"
    static let statusPath = "/__routemap/status"

    /// `html` with the script added before `</body>`.
    static func inject(into html: String, generation: Int) -> String {
        let tag = "<script src=\"\(scriptPath)\" data-generation=\"\(generation)\"></script>\n"
        guard let body = html.range(of: "</body>", options: .backwards) else { return html + tag }
        var result = html
        result.insert(contentsOf: tag, at: body.lowerBound)
        return result
    }

    static let script = #"""
    (function () {
      "use strict";
      var me = document.currentScript;
      var generation = Number(me.getAttribute("data-generation"));
      var version = -1;
      var key = "routemap-scroll:" + location.pathname;
      var saved = sessionStorage.getItem(key);
      if (saved) {
        sessionStorage.removeItem(key);
        var xy = saved.split(",");
        var restore = function () { window.scrollTo(Number(xy[0]), Number(xy[1])); };
        if (document.readyState === "complete") restore(); else window.addEventListener("load", restore);
      }
      function element(name, text, style) {
        var e = document.createElement(name);
        if (text) e.textContent = text;
        if (style) e.style.cssText = style;
        return e;
      }
      function showErrors(errors) {
        var old = document.getElementById("routemap-errors");
        if (old) old.parentNode.removeChild(old);
        if (!errors.length) return;
        var box = element("section", null, "position:fixed;left:0;right:0;top:0;max-height:70vh;overflow:auto;z-index:2147483647;" +
          "background:#fff;color:#0b0c0c;border-bottom:8px solid #d4351c;padding:1rem 1.5rem;font:16px/1.5 system-ui,sans-serif;" +
          "box-shadow:0 4px 12px rgba(0,0,0,.35)");
        box.id = "routemap-errors";
        box.setAttribute("role", "alert");
        box.setAttribute("aria-labelledby", "routemap-errors-title");
        var title = element("h2", "The site could not be rebuilt: " + errors.length + " error" + (errors.length === 1 ? "" : "s") +
          ". This page shows the last version that built.", "margin:0 0 .5rem;font-size:1.25rem;color:#d4351c");
        title.id = "routemap-errors-title";
        box.appendChild(title);
        var list = element("ul", null, "margin:0;padding-left:1.25rem");
        errors.forEach(function (error) {
          var item = element("li", null, "margin:.5rem 0");
          item.appendChild(element("code", error.file + ":" + error.line + ":" + error.column, "font-weight:bold"));
          item.appendChild(document.createTextNode(" " + error.message));
          if (error.hint) item.appendChild(element("div", error.hint, "color:#505a5f"));
          list.appendChild(item);
        });
        box.appendChild(list);
        box.appendChild(element("p", "It goes away when the files are fixed and saved.", "margin:.5rem 0 0;color:#505a5f"));
        document.body.appendChild(box);
      }
      function poll() {
        fetch("/__routemap/status?since=" + version, { cache: "no-store" })
          .then(function (response) { return response.json(); })
          .then(function (status) {
            version = status.version;
            if (status.errors.length) {
              showErrors(status.errors);
            } else if (status.generation !== generation) {
              sessionStorage.setItem(key, window.scrollX + "," + window.scrollY);
              location.reload();
              return;
            } else {
              showErrors([]);
            }
            poll();
          }, function () { setTimeout(poll, 1000); });
      }
      poll();
    })();
    """#
}
