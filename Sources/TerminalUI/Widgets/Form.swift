import Foundation

/// Fields in a column with a Tab order: labels on the left (as wide as the longest, capped),
/// each control on the right, and a problem with a field shown under it in the `.error` style.
///
/// Keys: Tab and Shift-Tab move to the next and previous field (wrapping round); ↓ and ↑ do the
/// same when the focused control does not use them (at the ends they go to the screen). Every
/// other key goes to the focused control first; what it does not use goes to the screen
/// (Enter, Esc, function keys), so the screen decides what submitting means.
///
/// A field's message appears once the user has left the field, or after `validate()`, and
/// then follows the value as it is corrected. The form scrolls when the fields do not fit,
/// always keeping the focused field in view; the focused field's help is shown on the last row.
@MainActor
public final class Form: Widget {
    /// One field of a form: its label, its control, whether a value is required, and a line of
    /// help shown while it has the focus.
    public struct Field {
        public var label: String
        public var widget: any Widget & FormControl
        public var required: Bool
        public var help: String

        public init(label: String, widget: any Widget & FormControl, required: Bool = false, help: String = "") {
            self.label = label; self.widget = widget; self.required = required; self.help = help
        }

        /// The label without a trailing colon, as used in messages ("Full name is required").
        public var name: String {
            var name = label.trimmingCharacters(in: .whitespaces)
            while name.hasSuffix(":") { name.removeLast() }
            return name.trimmingCharacters(in: .whitespaces)
        }
    }

    /// The fields, in Tab order.
    public let fields: [Field]
    /// The field with the focus.
    public private(set) var focusedIndex = 0
    /// True when any control changed since the form was made or `markClean()` was called.
    public private(set) var isDirty = false
    /// The widest the label column may be.
    public var maxLabelWidth = 24
    /// Blank rows between fields.
    public var fieldSpacing = 0
    /// Show the focused field's help on the last row of the form.
    public var showsHelp = true
    /// Appended to the labels of required fields.
    public var requiredMarker = " *"

    /// Fields whose messages are shown (left by the user, or checked by `validate()`).
    private var revealed: Set<Int> = []
    /// Messages set by the owner (`setMessage`), until the field changes.
    private var ownerMessages: [Int: String] = [:]
    private var scrollTop = 0

    public init(fields: [Field]) {
        self.fields = fields
    }

    /// The focused field, or nil for a form with no fields.
    public var focusedField: Field? { fields.indices.contains(focusedIndex) ? fields[focusedIndex] : nil }

    /// The focused field's help, for a screen that shows it elsewhere.
    public var currentHelp: String { focusedField?.help ?? "" }

    /// Moves the focus to a field (clamped).
    public func focus(_ index: Int) {
        guard !fields.isEmpty else { return }
        focusedIndex = max(0, min(fields.count - 1, index))
    }

    /// Forgets changes made so far (after a save).
    public func markClean() { isDirty = false }

    /// Shows a message of the owner's under a field ("That name is already registered"), until
    /// the field's value changes; nil removes it.
    public func setMessage(_ message: String?, forField index: Int) {
        ownerMessages[index] = message
        if message != nil { revealed.insert(index) }
    }

    /// What is wrong with a field now, shown or not: a required field left empty, the
    /// control's own check, or a message set by the owner.
    public func message(forField index: Int) -> String? {
        guard fields.indices.contains(index) else { return nil }
        let field = fields[index]
        if field.required && field.widget.isEmpty { return "\(field.name) is required" }
        return field.widget.validationMessage ?? ownerMessages[index]
    }

    /// The message shown under a field now, if any.
    public func shownMessage(forField index: Int) -> String? {
        revealed.contains(index) ? message(forField: index) : nil
    }

    /// Checks every field and shows every message; moves the focus to the first field with a
    /// problem. Returns true when there is none.
    @discardableResult
    public func validate() -> Bool {
        revealed = Set(fields.indices)
        guard let first = fields.indices.first(where: { message(forField: $0) != nil }) else { return true }
        focusedIndex = first
        return false
    }

    // MARK: Keys

    /// Tab and Shift-Tab between fields, then what the focused field can do (take typed text).
    public var actions: ActionTable {
        guard !fields.isEmpty else { return ActionTable() }
        return ActionTable(fields.count > 1 ? TextActions.fields : []).merged(with: fields[focusedIndex].widget.actions)
    }

    public func perform(_ action: ActionID) -> WidgetResponse {
        switch action {
        case .nextField: return handle(key: .tab)
        case .previousField: return handle(key: .backTab)
        default: return fields.isEmpty ? .unhandled : fields[focusedIndex].widget.perform(action)
        }
    }

    public func handle(key: Key) -> WidgetResponse {
        guard !fields.isEmpty else { return .unhandled }
        switch key {
        case .tab:
            moveFocus(to: (focusedIndex + 1) % fields.count)
            return .handled
        case .backTab:
            moveFocus(to: (focusedIndex + fields.count - 1) % fields.count)
            return .handled
        default:
            break
        }
        let response = fields[focusedIndex].widget.handle(key: key)
        switch response {
        case .changed:
            noteChange()
            return .changed
        case .unhandled:
            if key == .down, focusedIndex < fields.count - 1 {
                moveFocus(to: focusedIndex + 1)
                return .handled
            }
            if key == .up, focusedIndex > 0 {
                moveFocus(to: focusedIndex - 1)
                (fields[focusedIndex].widget as? FocusEntering)?.focusEnteredFromBelow()
                return .handled
            }
            return .unhandled
        case .handled, .activated:
            return response
        }
    }

    /// The focused field's value changed: the form has unsaved work, and the owner's message
    /// about that field no longer applies.
    func noteChange() {
        isDirty = true
        ownerMessages[focusedIndex] = nil
    }

    private func moveFocus(to index: Int) {
        revealed.insert(focusedIndex)
        focusedIndex = index
    }

    // MARK: Drawing

    private func displayLabel(_ field: Field) -> String { field.label + (field.required ? requiredMarker : "") }

    private func controlHeight(_ field: Field, width: Int) -> Int {
        max(1, field.widget.preferredHeight(width: width - labelColumnWidth - 2))
    }

    /// The label column's width at the last draw.
    private var labelColumnWidth = 0

    public func draw(into canvas: inout Canvas, rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect)
        let hasHelp = showsHelp && fields.contains { !$0.help.isEmpty } && rect.height > 2
        // The help wraps; its rows are those of the longest help, so the fields do not jump.
        let helpRows = hasHelp ? max(1, min(3, rect.height / 4, fields.map { TextWrap.wrap($0.help, width: rect.width).count }.max() ?? 1)) : 0
        let view = rect.inset(bottom: helpRows)
        let labelWidth = min(maxLabelWidth, max(1, rect.width / 3), fields.map { DisplayWidth.of(displayLabel($0)) }.max() ?? 0)
        labelColumnWidth = labelWidth
        let fieldX = labelWidth + 2

        // Lay out in content rows, deciding first whether a scroll bar takes the last column.
        func measure(width: Int) -> (tops: [Int], heights: [Int], messages: [[String]], total: Int) {
            var tops: [Int] = [], heights: [Int] = [], messages: [[String]] = []
            var y = 0
            for (index, field) in fields.enumerated() {
                let lines = shownMessage(forField: index).map { TextWrap.wrap($0, width: max(1, width - fieldX)) } ?? []
                let labelRows = TextWrap.wrap(displayLabel(field), width: labelWidth).count
                let height = max(labelRows, controlHeight(field, width: width)) + lines.count
                tops.append(y); heights.append(height); messages.append(lines)
                y += height + (index < fields.count - 1 ? fieldSpacing : 0)
            }
            return (tops, heights, messages, y)
        }
        var width = view.width
        var layout = measure(width: width)
        let overflows = layout.total > view.height
        if overflows { width -= 1; layout = measure(width: width) }

        // Keep the focused field in view (its top, if it is taller than the view).
        if fields.indices.contains(focusedIndex) {
            let top = layout.tops[focusedIndex], bottom = top + layout.heights[focusedIndex]
            if bottom > scrollTop + view.height { scrollTop = bottom - view.height }
            if top < scrollTop { scrollTop = top }
        }
        scrollTop = max(0, min(scrollTop, layout.total - view.height))

        // Draw everything on a canvas as tall as the content, then copy the rows in view.
        var content = Canvas(size: Size(width: width, height: max(1, layout.total)))
        for (index, field) in fields.enumerated() {
            let top = layout.tops[index]
            let isFocused = focused && index == focusedIndex
            // A long label wraps onto the rows beside its control, whole.
            content.writeWrapped(displayLabel(field), in: Rect(x: 0, y: top, width: labelWidth, height: layout.heights[index]),
                                 style: index == focusedIndex ? .emphasis : .normal)
            let controlHeight = controlHeight(field, width: width)
            field.widget.draw(into: &content, rect: Rect(x: fieldX, y: top, width: width - fieldX, height: controlHeight),
                              focused: isFocused)
            let messageTop = top + layout.heights[index] - layout.messages[index].count
            for (line, text) in layout.messages[index].enumerated() {
                content.write(text, at: Point(x: fieldX, y: messageTop + line), style: .error)
            }
        }
        canvas.noteCuts(of: content)
        for row in 0..<min(view.height, layout.total - scrollTop) {
            for x in 0..<width { canvas[view.x + x, view.y + row] = content[x, scrollTop + row] }
        }
        if focused, let cursor = content.cursor, cursor.y >= scrollTop, cursor.y < scrollTop + view.height {
            canvas.cursor = Point(x: view.x + cursor.x, y: view.y + cursor.y - scrollTop)
        }
        if overflows {
            ScrollIndicator.draw(into: &canvas, column: Rect(x: view.maxX - 1, y: view.y, width: 1, height: view.height),
                                 total: layout.total, shown: view.height, offset: scrollTop)
        }
        if hasHelp {
            canvas.writeWrapped(currentHelp, in: rect.bottom(helpRows), style: .dim)
        }
    }
}
