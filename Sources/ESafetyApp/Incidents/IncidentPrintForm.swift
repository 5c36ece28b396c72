import ESafetyCore
import Foundation
import TerminalUI

/// `p` on an incident's page: write its report to a file the lead names (text, Markdown or
/// HTML; created readable by its owner only), or, where CUPS is installed, send it to a
/// printer with `lp`. Every print is recorded in the audit log by `Workspace.printIncident`.
@MainActor
enum IncidentPrintForm {
    static func screen(context: AppContext, id: String) -> any Screen {
        guard context.workspace.can(.exportIncidents) else {
            return NoticeScreen(title: "Print \(id)", text: "Only the leads and the head teacher may print or export incident reports.")
        }
        enum Where: Hashable { case file, printer }
        let format = ChoiceField(options: IncidentReportText.Format.allCases.map { (label: label($0), value: $0) }, selection: .text)
        format.isVertical = true
        var places: [(label: String, value: Where)] = [(label: "A file", value: .file)]
        if context.workspace.canPrint { places.append((label: "A printer (lp)", value: .printer)) }
        let place = ChoiceField(options: places, selection: .file)
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        let path = TextField(text: (home as NSString).appendingPathComponent("esafety-\(id)"), maxLength: 1000,
                             placeholder: "the file to write; .txt, .md or .html is added")
        let printer = TextField(maxLength: 120, placeholder: "empty: the default printer")
        var fields = [
            Form.Field(label: "Format", widget: format, required: true, help: "HTML prints like the paper form from a browser"),
            Form.Field(label: "To", widget: place, required: true),
            Form.Field(label: "File", widget: path, help: "Readable by you only. Keep it safe: it is a child-protection record"),
        ]
        if context.workspace.canPrint { fields.append(Form.Field(label: "Printer", widget: printer, help: "A printer takes the text form")) }
        return FormScreen(title: "Print \(id)", helpText: context.help("incident-print"), form: Form(fields: fields)) { [context] in
            guard let chosen = format.selection else { return .handled }
            if place.selection == .printer {
                try context.workspace.printIncident(id, format: chosen, to: .printer(name: printer.text.trimmingCharacters(in: .whitespaces)))
                return .message("Sent the report of \(id) to the printer; the print is in the audit log.", .success)
            }
            let target = withExtension(path.text.trimmingCharacters(in: .whitespaces), chosen)
            try context.workspace.printIncident(id, format: chosen, to: .file(path: target))
            return .message("Wrote \(target) (readable by you only); the print is in the audit log.", .success)
        }
    }

    private static func label(_ format: IncidentReportText.Format) -> String {
        switch format {
        case .text: return "Text (80 columns)"
        case .markdown: return "Markdown"
        case .html: return "HTML (prints as the paper form)"
        }
    }

    /// Adds the format's extension unless the name already ends with one.
    static func withExtension(_ path: String, _ format: IncidentReportText.Format) -> String {
        let ext = IncidentReportText.fileExtension(format)
        return (path as NSString).pathExtension.isEmpty ? path + "." + ext : path
    }
}

/// A screen that only says something, for an action the person may not take.
@MainActor
final class NoticeScreen: Screen {
    let title: String
    private let text: String
    init(title: String, text: String) { self.title = title; self.text = text }
    var actions: ActionTable { ActionTable([]) }

    func draw(into canvas: inout Canvas, rect: Rect) {
        for (row, line) in TextWrap.wrap(text, width: max(1, rect.width - 4)).enumerated() where row + 1 < rect.height {
            canvas.write(line, at: Point(x: rect.x + 2, y: rect.y + 1 + row), style: .warning, clip: rect)
        }
    }

    func perform(_ action: ActionID) -> ScreenResponse { .unhandled }
}
