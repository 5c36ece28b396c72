import ESafetyCore
import Foundation
import TerminalUI

/// The forms of the transfers screen: send a file, receive one, record a receipt; and the
/// screen that shows a key or a receipt code to read out or copy.
@MainActor
enum TransferForms {
    static func send(context: AppContext) -> FormScreen {
        let workspace = context.workspace
        let pupil = TextField(text: "", maxLength: 160, placeholder: "name as on the roster, or pupil-0001")
        let key = TextField(text: "", maxLength: 600, placeholder: "esafety-transfer-1.…")
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        let file = TextField(text: (home as NSString).appendingPathComponent("cp-file.esafety-transfer"), maxLength: 1000)
        let form = Form(fields: [
            Form.Field(label: "Pupil", widget: pupil, required: true, help: "The pupil who is leaving"),
            Form.Field(label: "Receiving school's key", widget: key, required: true,
                       help: "The text the new school's `esafety transfer key` printed (Settings there: Incidents › Transfers › Our key)"),
            Form.Field(label: "Bundle file", widget: file, required: true, help: "Written readable by you only; send it separately from the main pupil file"),
        ])
        return FormScreen(title: "Send a child-protection file", helpText: context.help("transfers"), form: form,
                          hint: { ("F2 seals and writes the file; Esc cancels", .dim) }) {
            let sent = try workspace.transferOut(pupil: pupil.text, to: key.text, file: file.text.trimmingCharacters(in: .whitespaces))
            return .message("Transfer \(sent.id): \(sent.incidentIDs.count) incident(s) of \(sent.pupilName) sealed to \(sent.otherSchool); "
                            + "receipt due by \(sent.dueOn.map { "\($0)" } ?? "?").", .success)
        }
    }

    static func receive(context: AppContext) -> FormScreen {
        let file = TextField(text: "", maxLength: 1000, placeholder: "the bundle the sending school sent")
        let form = Form(fields: [Form.Field(label: "Bundle file", widget: file, required: true, help: "A file written by `esafety transfer out`")])
        return FormScreen(title: "Receive a child-protection file", helpText: context.help("transfers"), form: form,
                          hint: { ("F2 imports the records, read-only; Esc cancels", .dim) }) {
            let received = try context.workspace.transferIn(file: file.text.trimmingCharacters(in: .whitespaces))
            return .push(TransferTextScreen(context: context, title: "Receipt code", text: """
                Imported \(received.incidentIDs.count) prior record(s) of \(received.pupilName) from \(received.otherSchool): \
                \(received.incidentIDs.joined(separator: ", ")). They are read-only and marked with the sending school.

                Give this code to \(received.otherSchool) to confirm receipt:

                Receipt code: \(received.receiptCode ?? "")
                """))
        }
    }

    static func receipt(context: AppContext) -> FormScreen {
        let code = TextField(text: "", maxLength: 20, placeholder: "ABCD-EF23")
        let form = Form(fields: [Form.Field(label: "Receipt code", widget: code, required: true, help: "The code the receiving school's esafety printed")])
        return FormScreen(title: "Record a receipt", helpText: context.help("transfers"), form: form) {
            let done = try context.workspace.recordTransferReceipt(code: code.text)
            return .message("Recorded the receipt of transfer \(done.id): \(done.pupilName)'s file at \(done.otherSchool).", .success)
        }
    }

    static func showKey(context: AppContext, key: TransferKeyText) -> Screen {
        TransferTextScreen(context: context, title: "This school's transfer key", text: """
            Give this key to the school sending a pupil's child-protection file (it is public: only this \
            school's esafety can open what is sealed to it). `esafety transfer key` prints the same text.

            \(key.text)
            """)
    }
}

/// A text to read out or copy: a transfer key, a receipt code.
final class TransferTextScreen: TextPageScreen, Screen {
    let title: String

    init(context: AppContext, title: String, text: String) {
        self.title = title
        super.init(context: context)
        view.text = text
    }

    var helpText: String { context.help("transfers") }
    var actions: ActionTable { view.actions }

    override func draw(into canvas: inout Canvas, rect: Rect) {
        view.draw(into: &canvas, rect: rect.inset(top: 1, left: 2, right: 2), focused: true)
    }

    func perform(_ action: ActionID) -> ScreenResponse { .unhandled }
}
