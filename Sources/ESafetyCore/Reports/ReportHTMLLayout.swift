/// Lays report blocks out as one self-contained HTML page that a browser prints as the paper
/// form: the form's sections in boxes, answers in a two-column table, tick boxes drawn in CSS,
/// A4 print CSS, and nothing fetched from elsewhere (no scripts, fonts or images).
enum ReportHTMLLayout {
    static func render(_ blocks: [ReportBlock], title: String) -> String {
        var body: [String] = []
        var open: String?  // the element a run of similar blocks shares: "table" or "ul"
        var inSection = false
        func close() { if let open { body.append("</\(open)>") }; open = nil }
        func ensure(_ element: String, _ opening: String) {
            if open != element { close(); body.append(opening); open = element }
        }
        for block in blocks {
            switch block {
            case .title(let text):
                close(); body.append("<h1>\(escape(text))</h1>")
            case .heading(let text):
                close()
                if inSection { body.append("</section>") }
                body.append("<section>\n<h2>\(escape(text))</h2>"); inSection = true
            case .subheading(let text):
                close(); body.append("<h3>\(escape(text))</h3>")
            case .field(let label, let value):
                ensure("table", "<table class=\"fields\">")
                body.append("<tr><th>\(escape(label))</th><td>\(value.isEmpty ? "—" : lines(value))</td></tr>")
            case .caption(let text):
                close(); body.append("<p class=\"caption\">\(lines(text))</p>")
            case .box(let ticked, let label, let detail):
                ensure("ul", "<ul class=\"boxes\">")
                let mark = ticked ? "<span class=\"box ticked\" role=\"img\" aria-label=\"ticked\">X</span>"
                                  : "<span class=\"box\" role=\"img\" aria-label=\"not ticked\"></span>"
                body.append("<li>\(mark) \(escape(label))" + (detail.isEmpty ? "" : " <span class=\"detail\">(\(escape(detail)))</span>") + "</li>")
            case .paragraph(let text):
                close(); body.append("<p class=\"typed\">\(text.isEmpty ? "—" : lines(text))</p>")
            case .item(let text, let level):
                ensure("ul", "<ul class=\"items\">")
                body.append("<li class=\"level\(level)\">\(lines(text))</li>")
            case .withdrawn(let text, let why):
                ensure("ul", "<ul class=\"items\">")
                body.append("<li><del>\(escape(text))</del> <span class=\"detail\">(withdrawn: \(escape(why)))</span></li>")
            }
        }
        close()
        if inSection { body.append("</section>") }
        return """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    static let css = """
    @page { size: A4; margin: 15mm; }
    body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt; color: #000; background: #fff; margin: 1em auto; max-width: 60em; }
    h1 { font-size: 15pt; border-bottom: 2px solid #000; padding-bottom: 0.2em; }
    section { border: 1px solid #000; padding: 0.3em 0.8em 0.6em; margin: 0.8em 0; }
    h2 { font-size: 12pt; background: #e6e6e6; margin: -0.3em -0.8em 0.5em; padding: 0.3em 0.8em; border-bottom: 1px solid #000; }
    h3 { font-size: 11pt; margin: 0.7em 0 0.3em; }
    table.fields { border-collapse: collapse; width: 100%; }
    table.fields th { text-align: left; font-weight: bold; width: 38%; vertical-align: top; padding: 0.15em 0.6em 0.15em 0; }
    table.fields td { vertical-align: top; padding: 0.15em 0; border-bottom: 1px dotted #999; }
    ul.boxes { list-style: none; padding-left: 0.4em; margin: 0.3em 0; }
    ul.boxes li { margin: 0.15em 0; }
    .box { display: inline-block; width: 0.9em; height: 0.9em; border: 1.5px solid #000; text-align: center; line-height: 0.9em; font-weight: bold; vertical-align: -0.1em; margin-right: 0.3em; }
    .detail { color: #333; }
    p.caption { font-weight: bold; margin: 0.6em 0 0.2em; }
    p.typed { white-space: normal; border: 1px solid #999; padding: 0.4em; min-height: 2em; }
    li.level1 { margin-left: 1.5em; list-style: circle; }
    del { color: #555; }
    @media print { body { margin: 0; max-width: none; } section { break-inside: avoid-page; } h2 { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
    """

    /// Text for HTML: `&`, `<`, `>` and quotes escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    private static func lines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "<br>")
    }
}
