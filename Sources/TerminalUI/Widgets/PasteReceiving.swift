/// A widget that takes a paste as one edit: the whole text inserted at the cursor at once, so
/// 100 KB costs one insertion, one redraw and one draft save, not one of each per character.
@MainActor
public protocol PasteReceiving: AnyObject {
    /// Inserts pasted text at the cursor: `.changed` if anything went in, else `.handled`.
    func insert(pasted text: String) -> PasteResult
}

/// What a paste did: the widget's response, and how many characters had no room (a field's
/// length limit), so the screen can say so rather than cut the paste silently.
public struct PasteResult: Equatable, Sendable {
    public var response: WidgetResponse
    public var leftOut: Int
    public init(_ response: WidgetResponse, leftOut: Int = 0) {
        self.response = response
        self.leftOut = leftOut
    }

    /// A message for the status line when part of the paste was left out; nil when all went in.
    public var message: String? {
        leftOut > 0 ? "The field had no room for the last \(leftOut) characters of the paste: they were left out." : nil
    }
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
    public func insert(pasted text: String) -> PasteResult {
        let cleaned = PastedText.cleaned(text, keepingNewlines: false)
        var fitting = cleaned
        if let maxLength { fitting = String(cleaned.prefix(max(0, maxLength - self.text.count))) }
        let leftOut = cleaned.count - fitting.count
        guard !fitting.isEmpty else { return PasteResult(.handled, leftOut: leftOut) }
        return PasteResult(insert(fitting) ? .changed : .handled, leftOut: leftOut)
    }
}

extension Form {
    /// A paste goes to the focused field when it takes pastes; `.unhandled` otherwise.
    public func handle(paste text: String) -> PasteResult {
        guard let field = focusedField, let receiver = field.widget as? PasteReceiving else { return PasteResult(.unhandled) }
        let result = receiver.insert(pasted: text)
        if result.response == .changed { noteChange() }
        return result
    }
}
