/// A form control that wants to know it was entered from the field below (with ↑), so it can
/// put its cursor on its last row instead of its first.
@MainActor
protocol FocusEntering: AnyObject {
    func focusEnteredFromBelow()
}

extension CheckListField: FocusEntering {
    func focusEnteredFromBelow() { highlight(options.count - 1) }
}
