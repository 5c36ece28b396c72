/// A yes/no dialog: `y` or Enter on the confirm button confirms, `n` or Enter on the other
/// button declines, Esc cancels (closes the dialog with no answer). Tab or the arrows move
/// between the two buttons. The safe answer (decline) is chosen first.
public struct ConfirmDialog {
    /// What a key did to the dialog.
    public enum Outcome: Equatable { case pending, confirmed, declined, cancelled }

    public var title: String
    public var message: String
    public var confirmLabel: String
    public var cancelLabel: String
    /// True when the confirm button has the focus.
    public private(set) var confirmFocused = false

    public init(title: String, message: String, confirmLabel: String = "Yes", cancelLabel: String = "No") {
        self.title = title; self.message = message
        self.confirmLabel = confirmLabel; self.cancelLabel = cancelLabel
    }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .character("y"), .character("Y"): return .confirmed
        case .character("n"), .character("N"): return .declined
        case .escape: return .cancelled
        case .tab, .backTab, .left, .right, .up, .down:
            confirmFocused.toggle()
            return .pending
        case .enter, .character(" "):
            return confirmFocused ? .confirmed : .declined
        default:
            return .pending
        }
    }

    public func draw(into canvas: inout Canvas, rect: Rect) {
        let width = min(rect.width - 4, max(40, min(64, DisplayWidth.of(message) + 6)))
        let textLines = TextWrap.wrap(message, width: width - 4)
        let box = rect.centered(width: width, height: textLines.count + 5)
        canvas.fill(box, style: .dialog)
        canvas.box(box, title: title, style: .dialog)
        for (index, line) in textLines.enumerated() {
            canvas.write(line, at: Point(x: box.x + 2, y: box.y + 1 + index), style: .dialog, clip: box.inset(by: 1))
        }
        let yes = "[ \(confirmLabel) (y) ]", no = "[ \(cancelLabel) (n) ]"
        let buttonsWidth = DisplayWidth.of(yes) + DisplayWidth.of(no) + 3
        var x = box.x + max(2, (box.width - buttonsWidth) / 2)
        let y = box.maxY - 2
        let yesX = x
        x += canvas.write(yes, at: Point(x: x, y: y), style: confirmFocused ? .selected : .dialog, clip: box) + 3
        canvas.write(no, at: Point(x: x, y: y), style: confirmFocused ? .dialog : .selected, clip: box)
        // The terminal's cursor sits on the focused button, for screen readers.
        canvas.cursor = Point(x: (confirmFocused ? yesX : x) + 2, y: y)
    }
}
