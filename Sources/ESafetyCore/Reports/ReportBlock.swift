/// One piece of a printed report, before it is laid out as text, Markdown or HTML: the form's
/// structure (sections, labelled answers, tick boxes) kept apart from how each format shows it.
enum ReportBlock: Equatable {
    /// The report's title.
    case title(String)
    /// A section of the paper form.
    case heading(String)
    /// A part of a section ("Staff", "Walk 1: …").
    case subheading(String)
    /// A labelled answer: "Date happened: 20/11/2026".
    case field(label: String, value: String)
    /// A question or caption that the tick boxes after it answer.
    case caption(String)
    /// A tick box of the paper form, with who and when (or the names) beside it.
    case box(ticked: Bool, label: String, detail: String)
    /// Free text as it was typed; its own line breaks are kept.
    case paragraph(String)
    /// A line of a list, indented one level (`level` 0) or two (1).
    case item(String, level: Int)
    /// A line of a list that was withdrawn: shown struck through, with why.
    case withdrawn(String, why: String)
}
