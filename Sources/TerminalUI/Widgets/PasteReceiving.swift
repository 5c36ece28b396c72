/// A widget that takes a paste as one edit: the whole text inserted at the cursor at once, so
/// 100 KB costs one insertion, one redraw and one draft save, not one of each per character.
@MainActor
public protocol PasteReceiving: AnyObject {
    /// Inserts pasted text at the cursor; `.changed` if anything went in, else `.handled`.
    func insert(pasted text: String) -> WidgetResponse
}

/// How pasted text is cleaned before it goes into a field. Pure.
enum PastedText {
    /// Tabs become spaces and other control characters are dropped; newlines are kept when
    /// `keepingNewlines`, and become spaces otherwise (a one-line field).
    static func cleaned(_ text: String, keepingNewlines: Bool) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result.append(keepingNewlines ? "\n" : " ")
            case "\t": result.append(" ")
            case "\r": continue
            default:
                if scalar.properties.generalCategory == .control { continue }
                result.append(scalar)
            }
        }
        return String(result)
    }
}

extension TextField: PasteReceiving {
    /// One line: newlines become spaces; what `maxLength` has no room for is left out.
    public func insert(pasted text: String) -> WidgetResponse {
        var cleaned = PastedText.cleaned(text, keepingNewlines: false)
        if let maxLength { cleaned = String(cleaned.prefix(max(0, maxLength - self.text.count))) }
        guard !cleaned.isEmpty else { return .handled }
        return insert(cleaned) ? .changed : .handled
    }
}

extension Form {
    /// A paste goes to the focused field when it takes pastes; `.unhandled` otherwise.
    public func handle(paste text: String) -> WidgetResponse {
        guard let field = focusedField, let receiver = field.widget as? PasteReceiving else { return .unhandled }
        let response = receiver.insert(pasted: text)
        if response == .changed { noteChange() }
        return response
    }
}
