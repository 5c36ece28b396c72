/// One option of a `ChoiceField` or `CheckListField`: the words shown and the value it stands for.
public struct FieldOption<Value: Hashable>: Hashable {
    public var label: String
    public var value: Value
    public init(_ label: String, value: Value) { self.label = label; self.value = value }
}

extension FieldOption: Sendable where Value: Sendable {}
