extension Store {
    /// Throws a ``StoreConflict`` when `current`, what `document` holds now, is no longer
    /// `original`, the value an editor first showed: someone else changed it meanwhile. Nothing
    /// is thrown when there was no original (nothing was shown) or there is no current value.
    func refuseStaleEdit<Value: Equatable>(of document: String, current: Value?, original: Value?, what: (Value) -> String) throws {
        guard let original, let current, current != original else { return }
        throw StoreConflict(document: document, what: what(current), change: lastChange(of: document))
    }
}
