import Foundation
import ESafetyCore
import TerminalUI

/// Publish a changed AUP text from a file: a new version, and everyone on an older one is due again.
@MainActor
func publishForm(context: AppContext) -> FormScreen {
    let register = context.workspace.aup
    let kind = ChoiceField(options: AUPKind.allCases.map { (label: $0.title, value: $0) }, selection: AUPKind.pupil)
    let path = TextField(maxLength: 400, placeholder: "/path/to/new-aup.txt")
    let form = Form(fields: [
        Form.Field(label: "AUP", widget: kind, required: true, help: "Space or ← → choose"),
        Form.Field(label: "Text file", widget: path, required: true, help: "A UTF-8 text file with the whole new text"),
    ])
    return FormScreen(title: "Publish a new AUP text", helpText: context.help("aup-publish"), form: form,
                      hint: {
                          let current = kind.selection.flatMap(register.currentVersion(of:))
                          return ("Current: \(current.map { "\($0.id), published \($0.publishedOn)" } ?? "none"). F2 publishes", .dim)
                      }) {
        guard let chosen = kind.selection else { throw AUPError.emptyText }
        let version = try register.publish(kind: chosen, textFile: path.text)
        return .message("Published \(chosen.title) \(version.id): everyone is due to sign it.", .success)
    }
}
