import ESafetyCore
import TerminalUI

/// The policy documents' own headers, as at the top of Offord Primary's policy: written by,
/// approved by, review cycle, last and next review. Enter edits one.
@MainActor
enum PolicyDocumentsScreen {
    static func screen(context: AppContext) -> ListScreen<PolicyDocument> {
        let schedule = { context.workspace.reviews.schedule }
        return ListScreen(
            title: "Policy documents", help: { context.help("policy-documents") },
            columns: [
                ListColumn("Document", .flexible(min: 18)) { $0.title },
                ListColumn("Approved by", .flexible(min: 12)) { $0.approvedBy },
                ListColumn("Last review", .fixed(14)) { $0.lastReview },
                ListColumn("Next review", .fixed(18)) { $0.nextReview },
            ],
            rows: { schedule().documents },
            heading: { _ in
                let notice = ReviewActions.access(context).notice
                return [(notice ?? "Each policy's header: who wrote and approved it, and when it is reviewed", notice == nil ? .dim : .warning)]
            },
            entries: {
                let access = ReviewActions.access(context)
                let edit = Action(.edit, keys: [.enter, .function(4), .character("e")], label: access.mayEdit ? "Edit" : "Open",
                                  help: access.mayEdit ? "Edit the selected document's header" : "Show the selected document's header (read-only)", inBar: true)
                let add = Action(.add, keys: [.function(7), .character("a")], label: "Add", help: "Add another policy document", inBar: true)
                return [.onRow(edit) { .push(form(context: context, document: $0)) }] + access.offering([.always(add) {
                    let count = schedule().documents.count
                    return .push(form(context: context, document: PolicyDocument(
                        id: "policy-\(count + 1)", title: "", writtenBy: "", approvedBy: "", reviewCycle: "Annually", lastReview: "", nextReview: "")))
                }])
            })
    }

    static func form(context: AppContext, document original: PolicyDocument) -> FormScreen {
        let title = TextField(text: original.title, maxLength: 120)
        let writtenBy = TextField(text: original.writtenBy, maxLength: 120)
        let approvedBy = TextField(text: original.approvedBy, maxLength: 120)
        let cycle = TextField(text: original.reviewCycle, maxLength: 60)
        let last = TextField(text: original.lastReview, maxLength: 60, placeholder: "e.g. Autumn 2025")
        let next = TextField(text: original.nextReview, maxLength: 60, placeholder: "e.g. LGB Autumn 2026")
        let form = Form(fields: [
            Form.Field(label: "Document", widget: title, required: true),
            Form.Field(label: "Written by", widget: writtenBy, help: "e.g. SLT"),
            Form.Field(label: "Approved by", widget: approvedBy, help: "e.g. FGB (the full governing body)"),
            Form.Field(label: "Review cycle", widget: cycle, help: "e.g. Annually"),
            Form.Field(label: "Last review", widget: last, help: "As the school writes it, e.g. Autumn 2025"),
            Form.Field(label: "Next review", widget: next, help: "As the school writes it, e.g. LGB Autumn 2026"),
        ])
        let base = EditBase(original.title.isEmpty ? nil : original, document: ReviewsArea.Documents.schedule, context: context) {
            context.workspace.reviews.schedule.documents.first { $0.id == original.id }
        }
        return FormScreen(title: original.title.isEmpty ? "New policy document" : original.title, helpText: context.help("policy-documents"),
                          form: form, staleNotice: base.staleNotice, access: ReviewActions.access(context)) {
            var document = base.original ?? original
            document.title = title.text; document.writtenBy = writtenBy.text; document.approvedBy = approvedBy.text
            document.reviewCycle = cycle.text; document.lastReview = last.text; document.nextReview = next.text
            try base.save { try context.workspace.reviews.updateDocument(document, basedOn: $0) }
            return .message("Saved the header of \(document.title).", .success)
        }
    }
}
