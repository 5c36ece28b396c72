import ESafetyCore
import Foundation
import TerminalUI

/// The "who may not be photographed" list for a class, as it prints; `p` writes it to a file
/// (or a printer, where CUPS is installed) to take on a trip or pin up where photos are taken.
final class NotPhotographedScreen: TextPageScreen, Screen {
    private let className: String
    private var text = ""

    init(context: AppContext, className: String) {
        self.className = className
        super.init(context: context)
        reload()
    }

    var title: String { "Not to be photographed: \(className)" }
    var helpText: String { context.help("policy-not-photographed") }
    var actions: ActionTable {
        ActionTable([Action(.print, keys: [.character("p"), .function(6)], label: "Print", help: "Write the list to a file, or send it to a printer", inBar: true)])
            .merged(with: view.actions)
    }

    func stateDidChange() { reload() }

    private func reload() {
        let register = context.workspace.consents
        do {
            let pupils = try register.pupils(inClass: className)
            let lines = try register.notPhotographed(pupils)
            text = ConsentExport.notPhotographedText(title: "Class \(className)", lines: lines, pupilCount: pupils.count, today: context.workspace.today)
        } catch {
            text = String(describing: error)
        }
        view.text = text
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard action == .print else { return .unhandled }
        return .push(PolicyPrintForm.screen(context: context, title: "Print the list for \(className)",
                                            defaultName: "not-photographed-\(className)", text: text))
    }
}

/// Writes a printable list to a file the person names (readable by its owner only), or to a
/// printer with `lp` where CUPS is installed.
@MainActor
enum PolicyPrintForm {
    static func screen(context: AppContext, title: String, defaultName: String, text: String) -> any Screen {
        enum Where: Hashable { case file, printer }
        var places: [(label: String, value: Where)] = [(label: "A file", value: .file)]
        if context.workspace.canPrint { places.append((label: "A printer (lp)", value: .printer)) }
        let place = ChoiceField(options: places, selection: .file)
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        let path = TextField(text: (home as NSString).appendingPathComponent(defaultName + ".txt"), maxLength: 1000, placeholder: "the file to write")
        let printer = TextField(maxLength: 120, placeholder: "empty: the default printer")
        var fields = [Form.Field(label: "To", widget: place, required: true),
                      Form.Field(label: "File", widget: path, help: "Readable by you only: it names pupils")]
        if context.workspace.canPrint { fields.append(Form.Field(label: "Printer", widget: printer)) }
        return FormScreen(title: title, helpText: context.help("policy-print"), form: Form(fields: fields)) {
            let destination: ReportDestination = place.selection == .printer
                ? .printer(name: printer.text.trimmingCharacters(in: .whitespaces))
                : .file(path: path.text.trimmingCharacters(in: .whitespaces))
            try ConsentExport.output(text, title: title, to: destination)
            if case .file(let target) = destination { return .message("Wrote \(target) (readable by you only).", .success) }
            return .message("Sent the list to the printer.", .success)
        }
    }
}
